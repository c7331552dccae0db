// Issue 18, finding 6: removing a member or revoking a token cuts every event stream they hold at once, a draft's
// as well as the live organisation's (a draft is its own workspace, but its access is the live organisation's).
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";

/** Well under the streams' 10 s heartbeat, which cuts a stream whose access went unannounced. */
const CUT_WITHIN_MS = 4_000;

type TOpenStream = { text: string; endedAt: number | null };

/** Reads an event stream in the background until it ends; resolves once its "ready" event has come. */
async function openStream(url: string, headers: Record<string, string>): Promise<TOpenStream> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  expect(response.status).toBe(200);
  const read: TOpenStream = { text: "", endedAt: null };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        read.text += decoder.decode(value, { stream: true });
      }
    } catch {
      // timed out: endedAt stays null
      return;
    }
    read.endedAt = Date.now();
  })();
  await expect.poll(() => read.text).toContain("event: ready");
  return read;
}

test("a removed member and a revoked token lose a draft's event stream at once, and nobody else does", async ({
  page,
  baseURL,
}) => {
  const { user, owner, organization } = await createAccount({ role: "VIEWER", withMap: true });
  const ownerToken = await createApiTokenFor(db, {
    organizationId: organization.id,
    createdById: owner!.id,
    role: "OWNER",
  });
  const botToken = await createApiTokenFor(db, {
    organizationId: organization.id,
    createdById: owner!.id,
    role: "VIEWER",
  });
  const asOwner = { authorization: `Bearer ${ownerToken.secret}` };
  const orgUrl = `${baseURL}/api/v1/orgs/${organization.slug}`;
  const created = await fetch(`${orgUrl}/drafts`, {
    method: "POST",
    headers: { ...asOwner, "content-type": "application/json" },
    body: JSON.stringify({ name: "Reorganisation" }),
  });
  expect(created.status).toBe(201);
  const { draft } = (await created.json()) as { draft: { slug: string } };
  await signIn(page, user);
  const cookie = (await page.context().cookies()).map((one) => `${one.name}=${one.value}`).join("; ");
  const draftEvents = `${baseURL}/api/v1/orgs/${draft.slug}/events`;

  const [member, bot, bystander] = await Promise.all([
    openStream(draftEvents, { cookie }),
    openStream(draftEvents, { authorization: `Bearer ${botToken.secret}` }),
    openStream(draftEvents, asOwner),
  ]);

  const removed = await fetch(`${orgUrl}/members/${user.id}`, { method: "DELETE", headers: asOwner });
  expect(removed.status).toBeLessThan(300);
  const removedAt = Date.now();
  const revoked = await fetch(`${orgUrl}/tokens/${botToken.id}`, { method: "DELETE", headers: asOwner });
  expect(revoked.status).toBeLessThan(300);
  const revokedAt = Date.now();

  await expect.poll(() => member.endedAt !== null && bot.endedAt !== null, { timeout: 9_000 }).toBe(true);
  expect(member.text).toContain("event: revoked");
  expect(bot.text).toContain("event: revoked");
  expect(member.endedAt! - removedAt).toBeLessThan(CUT_WITHIN_MS);
  expect(bot.endedAt! - revokedAt).toBeLessThan(CUT_WITHIN_MS);
  // The owner's stream on the same draft goes on, and still carries the draft's changes.
  expect(bystander.endedAt).toBeNull();
  expect(bystander.text).not.toContain("event: revoked");
  expect(bystander.text).not.toContain("event: access");

  // And the removed member cannot open it again.
  expect((await fetch(draftEvents, { headers: { cookie } })).status).toBe(404);
});
