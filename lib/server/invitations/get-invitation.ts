import "server-only";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/server/auth/secrets";
import { invitationStatus, type TInvitationStatus } from "@/lib/domain/invitation-status";

export type TInvitationPreview = {
  organization: { slug: string; name: string };
  email: string;
  role: TRole;
  status: TInvitationStatus;
  invitedBy: string;
};

/** What an invitation link offers, for its holder (the secret in the link is the permission to see it). */
export async function getInvitation({ token }: { token: string }): Promise<TInvitationPreview> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { slug: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) throw new AppError("not_found", "This invitation link is not valid. Ask for a new one.");
  return {
    organization: invitation.organization,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
    invitedBy: invitation.invitedBy.name,
  };
}
