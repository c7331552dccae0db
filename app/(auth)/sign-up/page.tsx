import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth/auth-page";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getOptionalUser, oauthOptions } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/validation/redirect";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string }>;
}) {
  const { callbackUrl, email } = await searchParams;
  const redirectTo = safeRedirectPath(callbackUrl);
  if (await getOptionalUser()) redirect(redirectTo);
  return (
    <AuthPage title="Create your Remit account">
      <OAuthButtons providers={oauthOptions} redirectTo={redirectTo} />
      <SignUpForm redirectTo={redirectTo} email={typeof email === "string" ? email : undefined} />
    </AuthPage>
  );
}
