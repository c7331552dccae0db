"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { RevealOnce } from "@/components/ui/reveal-once";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { createApiToken, useApiForm } from "@/lib/client/accounts";
import type { TActionState } from "@/lib/errors";

export function CreateTokenForm({ orgSlug }: { orgSlug: string }) {
  const action = useApiForm(createApiToken(orgSlug));
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <TextField
          label="Name"
          name="name"
          id="token-name"
          placeholder="e.g. Nightly HR sync"
          required
          key={state.reveal}
          defaultValue={state.ok ? "" : state.values?.name}
          errors={state.fields?.name}
        />
        <SelectField
          label="Role"
          name="role"
          id="token-role"
          defaultValue={state.values?.role ?? "VIEWER"}
          options={[
            { value: "VIEWER", label: "Viewer (read only)" },
            { value: "MANAGER", label: "Manager (edits the map)" },
          ]}
          errors={state.fields?.role}
        />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
      <FormMessage state={state} />
      {state.reveal && <RevealOnce label="API token" value={state.reveal} />}
    </form>
  );
}
