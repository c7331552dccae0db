"use client";

import { useActionState } from "react";
import type { TActionState } from "@/lib/errors";

/** A one-click action (remove, revoke) with an optional confirmation and its error shown beside it. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  confirmation,
}: {
  action: (previous: TActionState) => Promise<TActionState>;
  label: string;
  pendingLabel: string;
  confirmation?: string;
}) {
  const [state, formAction, isPending] = useActionState<TActionState>(action, {});
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
        className="text-sm font-medium text-red-600 hover:text-red-500 disabled:opacity-50 dark:text-red-400"
      >
        {isPending ? pendingLabel : label}
      </button>
      {state.ok === false && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.message}
        </span>
      )}
    </form>
  );
}
