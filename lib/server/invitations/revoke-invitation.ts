import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";

/** Revokes a pending invitation (Owners only): its link stops working at once. */
export async function revokeInvitation({
  actor,
  orgSlug,
  invitationId,
}: {
  actor: TActor | null;
  orgSlug: string;
  invitationId: string;
}): Promise<void> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_members" });
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, organizationId: organization.id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "There is no pending invitation with this id.");
}
