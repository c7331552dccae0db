"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { oauthOptions, signIn, signOut } from "@/lib/auth";
import { signUp } from "@/lib/server/accounts/sign-up";
import { TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/server/auth/sign-in-errors";
import { currentClientAddress } from "@/lib/server/auth/rate-limit/client-address";
import { actionError, formValues, parseForm, type TActionState } from "@/lib/server/http/action-state";
import { ZSignUp } from "@/lib/validation/accounts";
import { ZSignIn } from "@/lib/validation/auth";
import { safeRedirectPath } from "@/lib/validation/redirect";

const CREATED_BUT_NOT_SIGNED_IN =
  "Your account is created. Too many failed sign-ins came from this network lately: wait 15 minutes, then sign in.";

/** Auth.js's answer when lib/auth.ts refused a sign-in for too many failures (SignInRateLimited). */
function isRateLimited(error: unknown): boolean {
  return error instanceof CredentialsSignin && error.code === "rate_limited";
}

export async function signInAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData, ["email", "password", "redirectTo"]);
  const echoed = { email: values.email ?? "" };
  try {
    const credentials = parseForm(ZSignIn, values);
    await signIn("credentials", { ...credentials, redirectTo: safeRedirectPath(values.redirectTo) });
    return { ok: true };
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors mean the sign-in failed.
    if (error instanceof AuthError) {
      return { ok: false, message: isRateLimited(error) ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS, values: echoed };
    }
    return actionError(error, echoed);
  }
}

export async function signUpAction(_previous: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData, ["name", "email", "password", "redirectTo"]);
  const echoed = { name: values.name ?? "", email: values.email ?? "" };
  try {
    const input = parseForm(ZSignUp, values);
    await signUp({ ...input, ip: await currentClientAddress() });
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeRedirectPath(values.redirectTo),
    });
    return { ok: true };
  } catch (error) {
    // The account exists, but signing in was refused: the network failed to sign in too often lately.
    if (isRateLimited(error)) return { ok: true, message: CREATED_BUT_NOT_SIGNED_IN };
    return actionError(error, echoed);
  }
}

export async function signInWithProviderAction(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  const redirectTo = safeRedirectPath(formData.get("redirectTo"));
  // A provider no longer configured (a page from before), or never: the sign-in page shows the ways there are.
  if (!oauthOptions.some((option) => option.id === provider)) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(redirectTo)}`);
  }
  await signIn(String(provider), { redirectTo });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
