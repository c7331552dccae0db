import "server-only";
import { wouldLeaveNoOwner } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { changeAccess } from "@/lib/server/kernel/run-write";
import { lockOwners } from "./lock-owners";

/**
 * Removes a member (Owners only); their access ends with their next request, and their open event streams are cut at
 * once. The last Owner stays.
 */
export async function removeMember({
  actor,
  orgSlug,
  userId,
}: {
  actor: TActor | null;
  orgSlug: string;
  userId: string;
}): Promise<void> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_members" });
  await changeAccess(organization.id, userId, async (tx) => {
    const owners = await lockOwners(tx, organization.id);
    const membership = await tx.membership.findFirst({
      where: { organizationId: organization.id, userId },
      select: { id: true, role: true },
    });
    if (!membership) throw new AppError("not_found", "This person is not a member of the organisation.");
    if (membership.role === "OWNER" && wouldLeaveNoOwner(owners, [userId])) {
      throw new AppError("conflict", "An organisation needs at least one Owner. Make someone else an Owner first.");
    }
    await tx.membership.delete({ where: { id: membership.id } });
  });
}
