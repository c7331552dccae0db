import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth/auth-page";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/form-message";
import { getOptionalUser, oauthOptions } from "@/lib/auth";
import { signInErrorMessage } from "@/lib/server/auth/sign-in-errors";
import { safeRedirectPath } from "@/lib/validation/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string; error?: string }>;
}) {
  const { callbackUrl, email, error } = await searchParams;
  const redirectTo = safeRedirectPath(callbackUrl);
  if (await getOptionalUser()) redirect(redirectTo);
  // Auth.js sends the browser back here when a sign-in through a provider fails (lib/auth.ts, `pages`).
  const errorMessage = signInErrorMessage(error);
  return (
    <AuthPage title="Sign in to your account">
      {errorMessage && <FormMessage state={{ ok: false, message: errorMessage }} />}
      <OAuthButtons providers={oauthOptions} redirectTo={redirectTo} />
      <SignInForm redirectTo={redirectTo} email={typeof email === "string" ? email : undefined} />
    </AuthPage>
  );
}
