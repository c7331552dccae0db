"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { oauthOptions, signIn, signOut } from "@/lib/auth";
import { signUp } from "@/lib/server/accounts/sign-up";
import { TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/server/auth/sign-in-errors";
import { currentClientAddress } from "@/lib/server/http/client-address";
import { actionError, formValues, parseForm, type TActionState } from "@/lib/server/http/action-state";
import { ZSignUp } from "@/lib/validation/accounts";
import { ZSignIn } from "@/lib/validation/auth";
import { safeRedirectPath } from "@/lib/validation/redirect";

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
      const isRateLimited = error instanceof CredentialsSignin && error.code === "rate_limited";
      return { ok: false, message: isRateLimited ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS, values: echoed };
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
    return actionError(error, echoed);
  }
}

export async function signInWithProviderAction(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  if (!oauthOptions.some((option) => option.id === provider)) return;
  await signIn(String(provider), { redirectTo: safeRedirectPath(formData.get("redirectTo")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
