import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth/auth-page";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getOptionalUser, oauthOptions } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/validation/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string }>;
}) {
  const { callbackUrl, email } = await searchParams;
  const redirectTo = safeRedirectPath(callbackUrl);
  if (await getOptionalUser()) redirect(redirectTo);
  return (
    <AuthPage title="Sign in to your account">
      <OAuthButtons providers={oauthOptions} redirectTo={redirectTo} />
      <SignInForm redirectTo={redirectTo} email={typeof email === "string" ? email : undefined} />
    </AuthPage>
  );
}
