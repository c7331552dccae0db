"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { RevealOnce } from "@/components/ui/reveal-once";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";
import { inviteMember, useApiForm } from "@/lib/client/accounts";
import type { TActionState } from "@/lib/errors";

export function InviteForm({ orgSlug }: { orgSlug: string }) {
  const action = useApiForm(inviteMember(orgSlug));
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <TextField
          label="Email"
          name="email"
          id="invite-email"
          type="email"
          required
          defaultValue={state.ok ? "" : state.values?.email}
          key={state.reveal}
          errors={state.fields?.email}
        />
        <SelectField
          label="Role"
          name="role"
          id="invite-role"
          defaultValue={state.values?.role ?? "MANAGER"}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          errors={state.fields?.role}
        />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Inviting…" : "Invite"}
        </Button>
      </div>
      <FormMessage state={state} />
      {state.reveal && <RevealOnce label="Invitation link" value={state.reveal} />}
    </form>
  );
}
