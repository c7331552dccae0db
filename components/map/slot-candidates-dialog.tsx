"use client";

import { useId } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { TSlot } from "@/lib/domain/model";
import { useSlotCandidates } from "@/lib/client/teams";

/** Where a slot lives, for asking the server who could fill it. */
export type TCandidatesScope = { orgId: string; orgSlug: string; teamId: string };

const FIT_LABELS = { good: "Good fit", fair: "Fair fit", poor: "Poor fit" } as const;
const FIT_STYLES = {
  good: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  fair: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  poor: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
} as const;

/** The dialog of "Who could fill this?" (see SlotCandidates), loaded when first opened. */
export function SlotCandidatesDialog({
  scope,
  slot,
  roleLabel,
  isOpen,
  onClose,
  onAssign,
}: {
  scope: TCandidatesScope;
  slot: TSlot;
  roleLabel: string;
  isOpen: boolean;
  onClose: () => void;
  onAssign: (holderId: string) => void;
}) {
  const titleId = useId();
  const candidates = useSlotCandidates({ ...scope, slotId: slot.id, enabled: isOpen });

  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={onClose}
      labelledBy={titleId}
      className="m-auto w-full max-w-md rounded-lg bg-white p-5 text-left text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/60 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Who could fill the {roleLabel} slot
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Best fit first, under your rules, at {Math.round(slot.allocation * 100)}% of their time.
      </p>
      {candidates.isPending ? (
        <p role="status" className="mt-4 text-sm">
          Finding candidates…
        </p>
      ) : candidates.isError ? (
        <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-400">
          Could not load the candidates: {candidates.error.message}
        </p>
      ) : candidates.data.candidates.length === 0 ? (
        <p className="mt-4 text-sm">Nobody else is in this organisation yet: add people first.</p>
      ) : (
        <ol aria-label="Candidates" className="mt-4 max-h-[60vh] space-y-3 overflow-y-auto">
          {candidates.data.candidates.map((candidate) => (
            <li
              key={candidate.person.id}
              className="flex items-start justify-between gap-3 rounded-md p-2 ring-1 ring-slate-200 dark:ring-slate-700"
            >
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {candidate.person.name}
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${FIT_STYLES[candidate.fit]}`}>
                    {FIT_LABELS[candidate.fit]}
                  </span>
                </p>
                <p className="text-slate-700 dark:text-slate-300">{candidate.summary}</p>
                {candidate.teams.length > 0 && (
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Now on {candidate.teams.map((team) => team.name).join(", ")}
                  </p>
                )}
              </div>
              <button
                type="button"
                onClick={() => {
                  onAssign(candidate.person.id);
                  onClose();
                }}
                aria-label={`Assign ${candidate.person.name}`}
                className="shrink-0 rounded-md bg-indigo-600 px-2.5 py-1.5 text-xs font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                Assign
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-5 flex justify-end">
        <button
          type="button"
          onClick={() => onClose()}
          className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
        >
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
