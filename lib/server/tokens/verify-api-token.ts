import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { hashSecret } from "@/lib/server/auth/secrets";

// Writing last-used on every request would turn every read into a write; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

/** The actor for a bearer secret; unauthenticated when it is unknown or revoked. */
export async function verifyApiToken({ secret }: { secret: string }): Promise<TActor> {
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      id: true,
      organizationId: true,
      organization: { select: { id: true, slug: true, name: true } },
      role: true,
      name: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!token || token.revokedAt) {
    throw new AppError("unauthenticated", "This API token is not valid: it is unknown or has been revoked.");
  }
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "token",
    tokenId: token.id,
    organizationId: token.organizationId,
    organization: token.organization,
    role: token.role,
    name: token.name,
  };
}
