import "server-only";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { changeAccess } from "@/lib/server/kernel/run-write";

/** Revokes an API token (Owners only): requests that carry it are refused from now on, its event streams cut. */
export async function revokeApiToken({
  actor,
  orgSlug,
  tokenId,
}: {
  actor: TActor | null;
  orgSlug: string;
  tokenId: string;
}): Promise<void> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_tokens" });
  await changeAccess(organization.id, tokenId, async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, organizationId: organization.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "There is no active API token with this id.");
  });
}
