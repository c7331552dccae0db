import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TRole } from "@/lib/domain/roles";
import type { TActor } from "@/lib/server/auth/actor";
import { hashSecret } from "@/lib/server/auth/secrets";
import { VerifiedTokens } from "./verified-tokens";

// Writing last-used on every request would turn every read into a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

/** Tokens verified lately by this process (see VerifiedTokens; the live bus feeds it revocations). */
export const verifiedTokens = new VerifiedTokens<TTokenRow>();

/** The actor for a bearer secret; unauthenticated when it is unknown or revoked. */
export async function verifyApiToken({ secret }: { secret: string }): Promise<TActor> {
  const hash = hashSecret(secret);
  let token = verifiedTokens.get(hash);
  if (!token) {
    // The token and its organisation in one round trip: every API request starts here.
    [token] = await queryRows<TTokenRow>(Prisma.sql`
      SELECT t.id, t.organization_id AS "organizationId", t.role::text AS role, t.name, t.revoked_at AS "revokedAt",
             t.last_used_at AS "lastUsedAt", o.slug AS "organizationSlug", o.name AS "organizationName"
      FROM api_token t JOIN organization o ON o.id = t.organization_id
      WHERE t.token_hash = ${hash}`);
    if (!token || token.revokedAt) {
      throw new AppError("unauthenticated", "This API token is not valid: it is unknown or has been revoked.");
    }
    verifiedTokens.remember(hash, token.id, token);
  }
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > LAST_USED_PRECISION_MS) {
    token.lastUsedAt = now;
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "token",
    tokenId: token.id,
    organizationId: token.organizationId,
    organization: { id: token.organizationId, slug: token.organizationSlug, name: token.organizationName },
    role: token.role,
    name: token.name,
  };
}

/** Throws unauthenticated when the token was revoked (or deleted) since it was verified: for long-lived streams. */
export async function assertApiTokenActive(tokenId: string): Promise<void> {
  const active = await db.apiToken.count({ where: { id: tokenId, revokedAt: null } });
  if (active === 0) throw new AppError("unauthenticated", "This API token has been revoked.");
}

type TTokenRow = {
  id: string;
  organizationId: string;
  role: TRole;
  name: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  organizationSlug: string;
  organizationName: string;
};
