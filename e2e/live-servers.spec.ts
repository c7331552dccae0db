// Live updates across app instances and through a server restart. These start their own app servers on the
// suite's database; the embedded database serves a single process, so they run only against PostgreSQL.
import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";
import { openEventStream } from "./fixtures/event-stream";
import { startAppServer, type TAppServer } from "./fixtures/servers";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "needs a PostgreSQL server shared by several processes");
// Each test starts app servers of its own: one test at a time keeps the machine's two cores for them.
test.describe.configure({ mode: "serial" });

function cell(page: Page, dutyKey: string, slotKey: string) {
  return page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);
}

test("a write through one instance reaches an event-stream client of another", async () => {
  test.setTimeout(180_000);
  const { owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const token = await createApiTokenFor(db, {
    organizationId: organization.id,
    createdById: owner!.id,
    role: "MANAGER",
  });
  const [first, second] = await Promise.all([startAppServer(), startAppServer()]);
  const stream = await openEventStream(`${second.url}/api/v1/orgs/${organization.slug}/events`, token.secret);
  try {
    const headers = { authorization: `Bearer ${token.secret}` };
    await stream.readUntil("event: ready");

    const team = await db.team.findFirstOrThrow({ where: { organizationId: organization.id, key: "search" } });
    const written = await fetch(`${first.url}/api/v1/orgs/${organization.slug}/teams/${team.id}/assignments`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ dutyId: "market-research", slotId: "pm", level: "accountable", version: 0 }),
    });
    expect(written.status).toBe(200);
    await stream.readUntil('"level":"accountable"');
    expect(stream.text).toMatch(/event: change\ndata: \{[^\n]*"entity":"assignment"[^\n]*"level":"accountable"/);
  } finally {
    stream.close();
    await Promise.all([first.stop(), second.stop()]);
  }
});

test("after the server is killed and restarted, both browsers reconnect by themselves and lose nothing", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { user, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  let server: TAppServer = await startAppServer();
  const port = server.port;
  const contexts = await Promise.all([
    browser.newContext({ baseURL: server.url }),
    browser.newContext({ baseURL: server.url }),
  ]);
  try {
    const [alice, bob] = (await Promise.all(contexts.map((context) => context.newPage()))) as [Page, Page];
    await signIn(alice, user);
    await signIn(bob, owner!);
    const team = await db.team.findFirstOrThrow({ where: { organizationId: organization.id, key: "search" } });
    for (const page of [alice, bob]) {
      await page.goto(`/${organization.slug}/teams/${team.id}`);
      await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    }

    // A change acknowledged just before the crash is kept.
    await cell(alice, "market-research", "pm").focus();
    await alice.keyboard.press("a");
    await expect(cell(bob, "market-research", "pm")).toHaveAccessibleName(/: Accountable/);

    await server.stop();
    for (const page of [alice, bob]) {
      await expect(page.getByRole("status").filter({ hasText: "Reconnecting" })).toBeVisible();
    }
    // An edit while the server is down is refused out loud, never silently dropped.
    await cell(alice, "strategy", "pm").focus();
    await alice.keyboard.press("r");
    await expect(alice.getByRole("alert").filter({ hasText: "cannot be reached" })).toBeVisible();
    await expect(cell(alice, "strategy", "pm")).toHaveAccessibleName(/: no level/);

    server = await startAppServer({ port });
    for (const page of [alice, bob]) {
      await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible({ timeout: 60_000 });
    }
    await expect(cell(bob, "market-research", "pm")).toHaveAccessibleName(/: Accountable/);
    await cell(alice, "strategy", "pm").focus();
    await alice.keyboard.press("r");
    await expect(cell(bob, "strategy", "pm")).toHaveAccessibleName(/: Responsible/);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await server.stop();
  }
});
