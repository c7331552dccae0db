"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import type { TFieldErrors } from "@/lib/errors";
import { ZSignIn } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/fields";
import { safeRedirectPath } from "@/lib/validation/redirect";

export type TSignInState = { message?: string; fields?: TFieldErrors; email?: string };

export async function signInAction(_previous: TSignInState, formData: FormData): Promise<TSignInState> {
  const email = formData.get("email");
  const parsed = ZSignIn.safeParse({ email, password: formData.get("password") });
  const echoedEmail = typeof email === "string" ? email : undefined;
  if (!parsed.success) return { fields: fieldErrors(parsed.error), email: echoedEmail };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(formData.get("redirectTo")) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the sign-in failed.
    if (error instanceof AuthError) {
      return {
        message: "That email and password do not match an account. Check both and try again.",
        email: echoedEmail,
      };
    }
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
