"use client";

import { useActionState } from "react";
import { ONE_CLICK_CALLS, useApiForm, type TOneClickCall } from "@/lib/client/accounts";
import type { TActionState } from "@/lib/errors";

/**
 * A one-click action (remove a member, revoke an invitation or a token) on the row `id` of the organisation at
 * `orgSlug`, with an optional confirmation and its error shown beside it.
 */
export function ActionButton({
  call,
  orgSlug,
  id,
  label,
  pendingLabel,
  confirmation,
  tone = "danger",
}: {
  call: TOneClickCall;
  orgSlug: string;
  id: string;
  label: string;
  pendingLabel: string;
  confirmation?: string;
  /** Red for what removes something; indigo for what does not. */
  tone?: "danger" | "neutral";
}) {
  const action = useApiForm(ONE_CLICK_CALLS[call](orgSlug, id));
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(action, {});
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirmation && !window.confirm(confirmation)) event.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <button
        type="submit"
        disabled={isPending}
        className={
          tone === "danger"
            ? "text-sm font-medium text-red-600 hover:text-red-500 disabled:opacity-50 dark:text-red-400"
            : "text-sm font-medium text-indigo-600 hover:text-indigo-500 disabled:opacity-50 dark:text-indigo-400"
        }
      >
        {isPending ? pendingLabel : label}
      </button>
      {state.ok === true && state.message && (
        <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {state.message}
        </span>
      )}
      {state.ok === false && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.message}
        </span>
      )}
    </form>
  );
}
