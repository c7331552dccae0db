// Each app instance remembers the API tokens it verified (lib/server/auth/verified-tokens.ts), so that an API request
// makes no round trip for its token. A revocation must still hold from the moment it commits, on every instance: one
// that verified the token a moment ago refuses it on the very next request, with no wait.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount } from "./fixtures/accounts";
import { startAppServer } from "./fixtures/servers";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "two instances share PostgreSQL only");

test("a token revoked on one instance is refused at once by another that had just verified it", async ({ baseURL }) => {
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

    const refused = await teams(other.url, revoked!.secret);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
    expect((await teams(baseURL!, revoked!.secret)).status).toBe(401);
    // Nobody else's token is affected.
    expect((await teams(other.url, kept!.secret)).status).toBe(200);
    expect(other.output()).not.toMatch(/Error/);
  } finally {
    await other.stop();
  }
});
