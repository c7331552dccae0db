"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { buttonClassName } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/lib/client/api-error";
import { useDraftMutations } from "@/lib/client/drafts";
import { CrossWorkspaceLink } from "./cross-workspace-link";
import { DraftEditForm } from "./draft-edit-form";
import type { TDraft } from "./draft-types";
import type { TNotice } from "./notice";

const LINK_CLASS =
  "font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400";

type TMode = "view" | "rename" | "duplicate";

/** One draft in the list: what it is, links to open and compare it, and for editors rename, duplicate, discard. */
export function DraftItem({
  orgSlug,
  draft,
  canEdit,
  onDone,
}: {
  orgSlug: string;
  draft: TDraft;
  canEdit: boolean;
  onDone: (notice: TNotice) => void;
}) {
  const [mode, setMode] = useState<TMode>("view");
  const [isDiscarding, setIsDiscarding] = useState(false);
  const headingId = useId();
  const drafts = useDraftMutations({ orgSlug });
  const discard = () =>
    drafts.discard.mutate(draft.id, {
      onSuccess: () => {
        setIsDiscarding(false);
        onDone({ kind: "success", message: `Discarded the draft "${draft.name}". The live map is unchanged.` });
      },
    });
  const discardError = drafts.discard.error && errorMessage(drafts.discard.error, "The draft was not discarded.");

  return (
    <li aria-labelledby={headingId} className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold">
            {draft.name}
            {draft.publishedAt && (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
                Published <DateTime value={new Date(draft.publishedAt)} />
              </span>
            )}
          </h3>
          {draft.description && (
            <p className="mt-1 text-sm whitespace-pre-line text-slate-700 dark:text-slate-300">{draft.description}</p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Created by {draft.createdBy}, <DateTime value={new Date(draft.createdAt)} />
          </p>
          {draft.schedule && !draft.publishedAt && (
            <p className="mt-1 text-xs font-medium text-indigo-700 dark:text-indigo-300">
              {draft.schedule.refusal ? (
                `Scheduled publish refused${draft.schedule.refusal.conflicts.length > 0 ? ": conflicts" : ""}`
              ) : (
                <>
                  Publishes by itself <DateTime value={new Date(draft.schedule.at)} />
                </>
              )}
            </p>
          )}
          {draft.review.approvals.required > 0 && !draft.publishedAt && (
            <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              {draft.review.submittedAt ? "In review" : "Not submitted for review"}: {draft.review.approvals.counted} of{" "}
              {draft.review.approvals.required} {draft.review.approvals.required === 1 ? "approval" : "approvals"}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <CrossWorkspaceLink
            href={`/${draft.slug}`}
            className={buttonClassName("secondary")}
            aria-label={`Open ${draft.name}${draft.publishedAt || !canEdit ? " (read-only)" : ""}`}
          >
            Open{draft.publishedAt || !canEdit ? " (read-only)" : ""}
          </CrossWorkspaceLink>
          <Link
            href={`/${orgSlug}/drafts/${draft.id}/compare`}
            className={LINK_CLASS}
            aria-label={`Compare ${draft.name}`}
          >
            Compare
          </Link>
          {canEdit && (
            <>
              {(["rename", "duplicate"] as const).map((toggled) => (
                <button
                  key={toggled}
                  type="button"
                  className={LINK_CLASS}
                  aria-expanded={mode === toggled}
                  aria-label={`${toggled === "rename" ? "Rename" : "Duplicate"} ${draft.name}`}
                  onClick={() => setMode(mode === toggled ? "view" : toggled)}
                >
                  {toggled === "rename" ? "Rename" : "Duplicate"}
                </button>
              ))}
              <button
                type="button"
                className="font-medium text-red-700 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 dark:text-red-400"
                aria-label={`Discard ${draft.name}`}
                onClick={() => setIsDiscarding(true)}
              >
                Discard
              </button>
            </>
          )}
        </div>
      </div>
      {mode === "rename" && (
        <DraftEditForm
          key="rename"
          draft={draft}
          mode="rename"
          onCancel={() => setMode("view")}
          onSubmit={async ({ name, description }) => {
            await drafts.update.mutateAsync({ draftId: draft.id, changes: { name, description: description || null } });
            setMode("view");
            onDone({ kind: "success", message: `Renamed the draft to "${name}".` });
          }}
        />
      )}
      {mode === "duplicate" && (
        <DraftEditForm
          key="duplicate"
          draft={draft}
          mode="duplicate"
          onCancel={() => setMode("view")}
          onSubmit={async ({ name, description }) => {
            const { draft: copy } = await drafts.create.mutateAsync({
              name,
              from: draft.id,
              ...(description ? { description } : {}),
            });
            setMode("view");
            onDone({
              kind: "success",
              message: `Duplicated "${draft.name}" as "${copy.name}".`,
              link: { href: `/${copy.slug}`, label: "Open the copy" },
            });
          }}
        />
      )}
      <ConfirmDialog
        isOpen={isDiscarding}
        title={`Discard “${draft.name}”?`}
        confirmLabel="Discard draft"
        pendingLabel="Discarding…"
        isPending={drafts.discard.isPending}
        onConfirm={discard}
        onCancel={() => {
          setIsDiscarding(false);
          drafts.discard.reset();
        }}
      >
        <p>Its map and its history are deleted for good. The live map is not touched.</p>
        {discardError && (
          <p role="alert" className="font-medium text-red-700 dark:text-red-400">
            {discardError}
          </p>
        )}
      </ConfirmDialog>
    </li>
  );
}
