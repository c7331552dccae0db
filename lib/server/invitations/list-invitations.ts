import "server-only";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { invitationStatus, type TInvitationStatus } from "@/lib/domain/invitation-status";

export type TInvitationSummary = {
  id: string;
  email: string;
  role: TRole;
  status: TInvitationStatus;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
};

/** Invitations not yet accepted or revoked, newest first, including expired ones (Owners only). */
export async function listInvitations({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<TInvitationSummary[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_members" });
  const invitations = await db.invitation.findMany({
    where: { organizationId: organization.id, acceptedAt: null, revokedAt: null },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  return invitations.map(({ acceptedAt, revokedAt, invitedBy, ...invitation }) => ({
    ...invitation,
    status: invitationStatus({ acceptedAt, revokedAt, expiresAt: invitation.expiresAt }, now),
    invitedBy: invitedBy.name,
  }));
}
