"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { slugify } from "@/lib/domain/slug";
import type { TActionState } from "@/lib/errors";

export function CreateOrganizationForm({
  action,
}: {
  action: (previous: TActionState, formData: FormData) => Promise<TActionState>;
}) {
  const [state, formAction, isPending] = useActionState<TActionState, FormData>(action, {});
  const [name, setName] = useState(state.values?.name ?? "");
  // The address follows the name until the user edits it.
  const [slug, setSlug] = useState<string | null>(state.values?.slug ?? null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Name"
        name="name"
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        errors={state.fields?.name}
      />
      <TextField
        label="Address"
        name="slug"
        required
        value={slug ?? slugify(name)}
        onChange={(event) => setSlug(event.target.value)}
        errors={state.fields?.slug}
        aria-describedby="slug-hint"
      />
      <p id="slug-hint" className="-mt-2 text-xs text-slate-600 dark:text-slate-400">
        Your organisation lives at /{(slug ?? slugify(name)) || "your-address"}.
      </p>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
