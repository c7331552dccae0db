"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { RevealOnce } from "@/components/ui/reveal-once";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { EVENT_KINDS } from "@/lib/domain/events";
import { createWebhook, useApiForm } from "@/lib/client/accounts";
import type { TActionState } from "@/lib/errors";

/** The kinds offered first: those Remit raises today (the others are for review and comments to come). */
const CHECKED_BY_DEFAULT = new Set(["flag.introduced", "flag.resolved", "draft.published"]);

export function CreateWebhookForm({ orgSlug }: { orgSlug: string }) {
  const action = useApiForm(createWebhook(orgSlug));
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(action, {});
  const eventErrors = Object.entries(state.fields ?? {})
    .filter(([field]) => field === "events" || field.startsWith("events."))
    .flatMap(([, errors]) => errors);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_16rem] sm:items-end">
        <TextField
          label="Endpoint URL"
          name="url"
          id="webhook-url"
          type="url"
          placeholder="https://hooks.example.com/remit"
          required
          key={state.reveal}
          defaultValue={state.ok ? "" : state.values?.url}
          errors={state.fields?.url}
        />
        <SelectField
          label="Format"
          name="format"
          id="webhook-format"
          defaultValue={state.values?.format ?? "standard"}
          options={[
            { value: "standard", label: "Standard Webhooks (JSON)" },
            { value: "slack", label: "Slack (text)" },
          ]}
          errors={state.fields?.format}
        />
      </div>
      <fieldset aria-describedby={eventErrors.length > 0 ? "webhook-events-errors" : undefined}>
        <legend className="text-sm font-medium">Events</legend>
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-3">
          {EVENT_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={kind}
                defaultChecked={CHECKED_BY_DEFAULT.has(kind)}
                className="rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
              />
              <code className="font-mono text-xs">{kind}</code>
            </label>
          ))}
        </div>
        {eventErrors.length > 0 && (
          <ul id="webhook-events-errors" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {[...new Set(eventErrors)].map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Adding…" : "Add webhook"}
      </Button>
      <FormMessage state={state} />
      {state.reveal && <RevealOnce label="Signing secret" value={state.reveal} />}
    </form>
  );
}
