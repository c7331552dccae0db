import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor, type TOrganizationSummary } from "@/lib/server/auth/authorize";
import { hashSecret } from "@/lib/server/auth/secrets";
import { invitationStatus } from "@/lib/domain/invitation-status";
import { INVITATION_ACCEPTANCES } from "@/lib/server/auth/rate-limit/limits";
import { consumeRateLimit } from "@/lib/server/auth/rate-limit/rate-limit";

const REFUSALS = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation has been revoked. Ask an Owner for a new one.",
  expired: "This invitation has expired. Ask an Owner for a new one.",
} as const;
const INVALID_LINK = "This invitation link is not valid. Ask for a new one.";

/**
 * Joins the signed-in user to the organisation; the invitation must be pending and for the user's email. Attempts
 * are rate limited per user and per network address (`ip`), so that invitation links cannot be guessed.
 */
export async function acceptInvitation({
  actor,
  token,
  ip,
}: {
  actor: TActor | null;
  token: string;
  ip: string;
}): Promise<TOrganizationSummary> {
  const user = requireUserActor(actor);
  // The token comes from the link, through the page: anything but text names no invitation.
  if (typeof token !== "string") throw new AppError("not_found", INVALID_LINK);
  await consumeRateLimit(
    INVITATION_ACCEPTANCES,
    [`user:${user.userId}`, `ip:${ip}`],
    "Too many invitations were tried from this account or network.",
  );
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashSecret(token) },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organization: { select: { id: true, slug: true, name: true } },
      },
    });
    if (!invitation) throw new AppError("not_found", INVALID_LINK);
    const status = invitationStatus(invitation);
    if (status !== "pending") throw new AppError("conflict", REFUSALS[status]);
    if (invitation.email !== user.email) {
      throw new AppError(
        "forbidden",
        `This invitation is for ${invitation.email}, but you are signed in as ${user.email}. Sign in with that email.`,
      );
    }
    // Single use, even when two tabs accept at once: only one update finds it still pending.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", REFUSALS.accepted);
    const { organization } = invitation;
    const existing = await tx.membership.findFirst({
      where: { organizationId: organization.id, userId: user.userId },
      select: { role: true },
    });
    if (existing) return { ...organization, role: existing.role };
    await tx.membership.create({
      data: { organizationId: organization.id, userId: user.userId, role: invitation.role },
    });
    return { ...organization, role: invitation.role };
  });
}
