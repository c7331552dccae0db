"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FocusedAlert } from "@/components/ui/focused-alert";
import { DraftFields } from "./draft-fields";
import type { TDraft } from "./draft-types";
import { useDraftForm, type TDraftValues } from "./use-draft-form";

/** Renames a draft, or names its copy. */
export function DraftEditForm({
  draft,
  mode,
  onCancel,
  onSubmit,
}: {
  draft: TDraft;
  mode: "rename" | "duplicate";
  onCancel: () => void;
  onSubmit: (values: TDraftValues) => Promise<void>;
}) {
  const isRename = mode === "rename";
  const idPrefix = `${mode}-${draft.id}`;
  const { fieldProps, error, errorRef, isPending, submit } = useDraftForm({
    initial: {
      name: isRename ? draft.name : `Copy of ${draft.name}`,
      description: isRename ? (draft.description ?? "") : "",
    },
    failure: isRename ? "The draft was not renamed." : "The draft was not duplicated.",
    send: onSubmit,
  });

  useEffect(() => {
    const input = document.getElementById(`${idPrefix}-name`);
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  }, [idPrefix]);

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      noValidate
      aria-label={isRename ? `Rename ${draft.name}` : `Duplicate ${draft.name}`}
      className="max-w-2xl space-y-3 rounded-md bg-slate-50 p-3 dark:bg-slate-900"
    >
      {!isRename && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The copy starts from this draft&apos;s map and plans against the same live map.
        </p>
      )}
      <DraftFields idPrefix={idPrefix} nameLabel={isRename ? "Name" : "Name of the copy"} {...fieldProps} />
      <FocusedAlert message={error} alertRef={errorRef} />
      <div className="flex gap-3">
        <Button type="submit" disabled={isPending}>
          {isRename ? (isPending ? "Saving…" : "Save") : isPending ? "Copying…" : "Duplicate"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
