// Each app instance remembers the API tokens it verified (lib/server/auth/verified-tokens.ts), so that an API request
// makes no round trip for its token. A revocation must still reach every instance: the one that revoked refuses the
// token from the commit on; another that verified it a moment ago refuses it as soon as PostgreSQL's notification of
// the commit reaches it (a few milliseconds; on a loaded machine it can come after the next request), long before the
// minute for which it would otherwise have trusted the token.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount } from "./fixtures/accounts";
import { startAppServer } from "./fixtures/servers";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "two instances share PostgreSQL only");

test("a token revoked on one instance is refused by another that had just verified it as soon as it hears of the revocation", async ({
  baseURL,
}) => {
  const { owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const tokenFor = (role: "OWNER" | "MANAGER") =>
    createApiTokenFor(db, { organizationId: organization.id, createdById: owner!.id, role });
  const [ownerToken, ...botTokens] = await Promise.all([tokenFor("OWNER"), tokenFor("MANAGER"), tokenFor("MANAGER")]);
  const other = await startAppServer();
  try {
    const teams = (server: string, secret: string) =>
      fetch(`${server}/api/v1/orgs/${organization.slug}/teams`, { headers: { authorization: `Bearer ${secret}` } });
    for (const bot of botTokens) {
      // Verified, and remembered, by the other instance.
      for (let index = 0; index < 3; index++) expect((await teams(other.url, bot.secret)).status).toBe(200);
    }
    const [revoked, kept] = botTokens;
    const revocation = await fetch(`${baseURL}/api/v1/orgs/${organization.slug}/tokens/${revoked!.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ownerToken.secret}` },
    });
    expect(revocation.status).toBe(204);

    // The revoking instance refuses it at once.
    expect((await teams(baseURL!, revoked!.secret)).status).toBe(401);
    // The other one within the notification's delivery; without it, not for another minute (REMEMBER_MS).
    await expect.poll(async () => (await teams(other.url, revoked!.secret)).status, { timeout: 5_000 }).toBe(401);
    const refused = await teams(other.url, revoked!.secret);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
    // Nobody else's token is affected.
    expect((await teams(other.url, kept!.secret)).status).toBe(200);
    expect(other.output()).not.toMatch(/Error/);
  } finally {
    await other.stop();
  }
});
