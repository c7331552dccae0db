import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getOptionalUser } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/validation/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const redirectTo = safeRedirectPath(callbackUrl);
  if (await getOptionalUser()) redirect(redirectTo);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12">
      <Link href="/" className="text-2xl font-bold tracking-tight">
        Remit
      </Link>
      <h1 className="mt-8 text-xl font-semibold">Sign in to your account</h1>
      <div className="mt-6">
        <SignInForm redirectTo={redirectTo} />
      </div>
    </main>
  );
}
