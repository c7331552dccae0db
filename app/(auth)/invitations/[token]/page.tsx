import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage } from "@/components/auth/auth-page";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { buttonClassName } from "@/components/ui/button";
import { getOptionalUser } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { getInvitation, type TInvitationPreview } from "@/lib/server/invitations/get-invitation";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const CLOSED = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation has been revoked.",
  expired: "This invitation has expired.",
} as const;

async function loadInvitation(token: string): Promise<TInvitationPreview | null> {
  try {
    return await getInvitation({ token });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([loadInvitation(token), getOptionalUser()]);
  if (!invitation) {
    return (
      <AuthPage title="This invitation link is not valid">
        <p className="text-slate-600 dark:text-slate-400">
          Check that you copied the whole link, or ask for a new one.
        </p>
      </AuthPage>
    );
  }
  const here = `/invitations/${token}`;
  const { organization } = invitation;
  return (
    <AuthPage title={`Join ${organization.name}`}>
      <p className="text-slate-600 dark:text-slate-400">
        {invitation.invitedBy} invited <strong>{invitation.email}</strong> to {organization.name} as{" "}
        {ROLE_LABELS[invitation.role]}.
      </p>
      {invitation.status !== "pending" ? (
        <p role="alert" className="text-amber-700 dark:text-amber-400">
          {CLOSED[invitation.status]} Ask an Owner of {organization.name} for a new one.
        </p>
      ) : !user ? (
        <div className="space-y-2">
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
            className={`${buttonClassName()} w-full`}
          >
            Create an account to join
          </Link>
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}
            className={`${buttonClassName("secondary")} w-full`}
          >
            I already have an account
          </Link>
        </div>
      ) : user.email !== invitation.email ? (
        <p role="alert" className="text-amber-700 dark:text-amber-400">
          You are signed in as {user.email}. This invitation is for {invitation.email}: sign out, then sign in or create
          an account with that email.
        </p>
      ) : (
        <AcceptInvitationForm action={acceptInvitationAction.bind(null, token)} organizationName={organization.name} />
      )}
    </AuthPage>
  );
}
