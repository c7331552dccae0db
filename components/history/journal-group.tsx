"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { TJournalGroup } from "@/lib/client/queries";
import { OPERATION_LABELS, relativeTime } from "./history-labels";
import type { TUndoRefusal } from "@/lib/client/undo";

/** What happened the last time this user tried to undo a group. */
export type TUndoOutcome =
  { kind: "done"; sentence: string } | { kind: "refused"; refusal: TUndoRefusal } | { kind: "failed"; message: string };

function When({ at, now }: { at: string; now: number }) {
  return (
    <>
      <span>{relativeTime(at, now)}</span> <span aria-hidden="true">·</span> <DateTime value={new Date(at)} />
    </>
  );
}

/** One action in the journal: its sentence, who and when, its changes on demand, and its Undo. */
export function JournalGroup({
  group,
  now,
  canUndo,
  isUndoing,
  isUndoDisabled,
  outcome,
  undone,
  onUndo,
}: {
  group: TJournalGroup;
  /** The time relative times count from (ms since the epoch). */
  now: number;
  canUndo: boolean;
  isUndoing: boolean;
  isUndoDisabled: boolean;
  outcome: TUndoOutcome | undefined;
  /** On an undo: the group it undid, when it is on screen. */
  undone: TJournalGroup | undefined;
  onUndo: () => void;
}) {
  const [isExpanded, setIsExpanded] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const entriesId = `entries-${group.groupId}`;
  const isUndone = group.undoneBy !== null;
  const hasEntries = group.entryCount > 1 && group.entries.length > 0;

  // The Undo button goes once the undo is done: keep keyboard focus by the group, on what happened.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  return (
    <li
      id={`group-${group.groupId}`}
      aria-labelledby={`sentence-${group.groupId}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <p
            id={`sentence-${group.groupId}`}
            className={`font-medium ${isUndone ? "text-slate-500 dark:text-slate-400" : ""}`}
          >
            {group.sentence}
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <When at={group.at} now={now} /> <span aria-hidden="true">·</span> by {group.actor.name}
          </p>
          {undone && (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              <a
                href={`#group-${undone.groupId}`}
                className="font-medium text-indigo-700 underline hover:text-indigo-600 dark:text-indigo-300"
              >
                The change it undid
              </a>{" "}
              (<DateTime value={new Date(undone.at)} />)
            </p>
          )}
          {group.undoneBy && (
            <p className="inline-flex flex-wrap items-center gap-x-1 rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              <span className="font-semibold">Undone</span> by {group.undoneBy.actor.name}{" "}
              <span aria-hidden="true">·</span> <When at={group.undoneBy.at} now={now} />
            </p>
          )}
        </div>
        {canUndo && !isUndone && group.entryCount > 0 && (
          <Button
            variant="secondary"
            onClick={onUndo}
            disabled={isUndoDisabled}
            aria-describedby={`sentence-${group.groupId}`}
            className="shrink-0"
          >
            {isUndoing ? "Undoing…" : "Undo"}
          </Button>
        )}
      </div>

      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {outcome?.kind === "done" && (
          <p
            role="status"
            className="mt-3 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
          >
            Undone. {outcome.sentence} (at the top of the history).
          </p>
        )}
        {outcome?.kind === "failed" && (
          <p
            role="alert"
            className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          >
            {outcome.message}
          </p>
        )}
        {outcome?.kind === "refused" && (
          <div
            role="alert"
            className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          >
            <p className="font-medium">{outcome.refusal.message}</p>
            {outcome.refusal.conflicts.length > 0 && (
              <>
                <p className="mt-2">Later changes in the way:</p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {outcome.refusal.conflicts.map((conflict) => (
                    <li key={conflict.groupId}>
                      {conflict.sentence} (<DateTime value={new Date(conflict.at)} />)
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>

      {hasEntries && (
        <div className="mt-3">
          <button
            type="button"
            aria-expanded={isExpanded}
            aria-controls={entriesId}
            onClick={() => setIsExpanded((value) => !value)}
            className="text-sm font-medium text-indigo-700 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300 dark:hover:text-indigo-200"
          >
            {isExpanded ? "Hide the changes" : `Show the ${group.entryCount} changes`}
          </button>
          <div id={entriesId} hidden={!isExpanded}>
            {group.entryCount > group.entries.length && (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                Showing {group.entries.length} of {group.entryCount} changes.
              </p>
            )}
            <ul className="mt-2 divide-y divide-slate-100 border-l-2 border-slate-200 pl-3 text-sm dark:divide-slate-800 dark:border-slate-700">
              {group.entries.map((entry) => (
                <li key={entry.seq} className="flex gap-2 py-1.5">
                  <span className="w-16 shrink-0 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                    {OPERATION_LABELS[entry.operation]}
                  </span>
                  <span>{entry.sentence}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </li>
  );
}
