import "server-only";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, requireUserActor } from "@/lib/server/auth/authorize";
import { generateSecret, hashSecret } from "@/lib/server/auth/secrets";
import type { TCreateInvitation } from "@/lib/validation/accounts";
import { INVITATION_LIFETIME_MS } from "@/lib/domain/invitation-status";

export type TCreatedInvitation = { id: string; email: string; role: TRole; expiresAt: Date; link: string };

/**
 * Invites an email address (Owners only) and returns the link, which holds a single-use secret shown only now.
 * A newer invitation for the same address replaces any pending one.
 */
export async function createInvitation({
  actor,
  orgSlug,
  email,
  role,
  origin,
}: { actor: TActor | null; orgSlug: string; origin: string } & TCreateInvitation): Promise<TCreatedInvitation> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_members" });
  const inviter = requireUserActor(actor);
  const alreadyMember = await db.membership.findFirst({
    where: { organizationId: organization.id, user: { email } },
    select: { id: true },
  });
  if (alreadyMember) {
    throw new AppError("conflict", `${email} is already a member.`, {
      email: [`${email} is already a member of ${organization.name}.`],
    });
  }
  const secret = generateSecret("inv_");
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { organizationId: organization.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invitation.create({
      data: {
        organizationId: organization.id,
        email,
        role,
        tokenHash: hashSecret(secret),
        invitedById: inviter.userId,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
  });
  return { ...invitation, link: `${origin}/invitations/${secret}` };
}
