import "server-only";
import { db } from "@/lib/db";
import { wouldLeaveNoOwner, type TRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { lockOwners } from "./lock-owners";

/** Gives a member another role (Owners only). The last Owner cannot stop being one. */
export async function changeMemberRole({
  actor,
  orgSlug,
  userId,
  role,
}: {
  actor: TActor | null;
  orgSlug: string;
  userId: string;
  role: TRole;
}): Promise<{ userId: string; role: TRole }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_members" });
  return db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, organization.id);
    const membership = await tx.membership.findFirst({
      where: { organizationId: organization.id, userId },
      select: { id: true, role: true },
    });
    if (!membership) throw new AppError("not_found", "This person is not a member of the organisation.");
    if (membership.role === "OWNER" && role !== "OWNER" && wouldLeaveNoOwner(owners, [userId])) {
      throw new AppError("conflict", "An organisation needs at least one Owner. Make someone else an Owner first.");
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    return { userId, role };
  });
}
