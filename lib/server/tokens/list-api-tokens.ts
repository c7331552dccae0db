import "server-only";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";

export type TApiTokenSummary = {
  id: string;
  name: string;
  role: TRole;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** The organisation's active API tokens, newest first (Owners only). Secrets are never shown again. */
export async function listApiTokens({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<TApiTokenSummary[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_tokens" });
  const tokens = await db.apiToken.findMany({
    where: { organizationId: organization.id, revokedAt: null },
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return tokens.map(({ createdBy, ...token }) => ({ ...token, createdBy: createdBy.name }));
}
