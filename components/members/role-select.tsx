"use client";

import { useActionState, useRef } from "react";
import { changeMemberRole, useApiForm } from "@/lib/client/accounts";
import { ROLE_LABELS, ROLES, type TRole } from "@/lib/domain/roles";
import type { TActionState } from "@/lib/errors";

/** Changes a member's role as soon as another is chosen. */
export function RoleSelect({
  orgSlug,
  userId,
  role,
  memberName,
}: {
  orgSlug: string;
  userId: string;
  role: TRole;
  memberName: string;
}) {
  const action = useApiForm(changeMemberRole(orgSlug, userId));
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={formAction} className="inline-flex items-center gap-2">
      <select
        name="role"
        aria-label={`Role of ${memberName}`}
        defaultValue={role}
        key={role}
        disabled={isPending}
        onChange={() => formRef.current?.requestSubmit()}
        className="rounded-md border-0 bg-transparent py-1 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 dark:ring-slate-700"
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      {state.ok === false && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.message}
        </span>
      )}
    </form>
  );
}
