"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import type { TActionState } from "@/lib/errors";

export function SignUpForm({ redirectTo, email }: { redirectTo: string; email?: string }) {
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(signUpAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormMessage state={state} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={state.fields?.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fields?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        errors={state.fields?.password}
      />
      <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400">
        At least 10 characters; a few words make a strong password.
      </p>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(redirectTo)}`}
          className="font-medium text-indigo-600 hover:text-indigo-500 dark:text-indigo-400"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
