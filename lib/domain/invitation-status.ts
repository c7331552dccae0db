export type TInvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): TInvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}
