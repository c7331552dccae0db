"use client";

import { Button } from "@/components/ui/button";
import { FocusedAlert } from "@/components/ui/focused-alert";
import { useDraftMutations } from "@/lib/client/drafts";
import { DraftFields } from "./draft-fields";
import type { TNotice } from "./notice";
import { useDraftForm } from "./use-draft-form";

/** Starts a draft from the live map. */
export function NewDraftForm({ orgSlug, onCreated }: { orgSlug: string; onCreated: (notice: TNotice) => void }) {
  const { create } = useDraftMutations({ orgSlug });
  const form = useDraftForm({
    initial: { name: "", description: "" },
    failure: "The draft was not created.",
    send: async ({ name, description }) => {
      const { draft } = await create.mutateAsync({ name, ...(description ? { description } : {}) });
      form.reset();
      onCreated({
        kind: "success",
        message: `Created the draft "${draft.name}" from the live map.`,
        link: { href: `/${draft.slug}`, label: "Open it" },
      });
    },
  });

  return (
    <section
      aria-labelledby="new-draft-heading"
      className="max-w-2xl rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="new-draft-heading" className="text-lg font-semibold">
        New draft
      </h2>
      <form onSubmit={form.submit} noValidate className="mt-3 space-y-3">
        <DraftFields idPrefix="new-draft" nameLabel="Draft name" {...form.fieldProps} />
        <FocusedAlert message={form.error} alertRef={form.errorRef} />
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? "Copying the live map…" : "Create draft"}
        </Button>
      </form>
    </section>
  );
}
