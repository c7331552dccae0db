"use client";

import { useState } from "react";
import { DraftItem } from "./draft-item";
import type { TDraft } from "./draft-types";
import { NewDraftForm } from "./new-draft-form";
import { Notice, type TNotice } from "./notice";

/** The live organisation's drafts, newest first, with what the caller's role allows doing to each. */
export function DraftsManager({ orgSlug, drafts, canEdit }: { orgSlug: string; drafts: TDraft[]; canEdit: boolean }) {
  const [notice, setNotice] = useState<TNotice | null>(null);

  return (
    <div className="space-y-8">
      {canEdit && <NewDraftForm orgSlug={orgSlug} onCreated={setNotice} />}
      <Notice notice={notice} />
      <section aria-labelledby="drafts-heading" className="space-y-3">
        <h2 id="drafts-heading" className="text-lg font-semibold">
          {drafts.length === 0 ? "No drafts yet" : `${drafts.length} ${drafts.length === 1 ? "draft" : "drafts"}`}
        </h2>
        {drafts.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {canEdit
              ? "Create one above to try a new team layout without changing the map everyone sees."
              : "Managers and Owners create drafts; you will see them here."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {drafts.map((draft) => (
              <DraftItem key={draft.id} orgSlug={orgSlug} draft={draft} canEdit={canEdit} onDone={setNotice} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
