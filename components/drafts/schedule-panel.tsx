"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/lib/client/api-error";
import { useDraftMutations } from "@/lib/client/drafts";
import { countNoun } from "@/lib/domain/count-noun";
import { missingApprovals } from "@/lib/domain/review";
import type { TDraft } from "./draft-types";

/** A `datetime-local` value (the browser's time zone) as an ISO moment, or null when it is not one. */
function localToIso(value: string): string | null {
  const moment = new Date(value);
  return value && !Number.isNaN(moment.getTime()) ? moment.toISOString() : null;
}

/**
 * The draft's scheduled publish: when, by whom, a refusal with its conflicts; for Managers, a moment to schedule
 * (or reschedule) and a way to cancel. Viewers see it and change nothing.
 */
export function SchedulePanel({ liveSlug, draft, canEdit }: { liveSlug: string; draft: TDraft; canEdit: boolean }) {
  const drafts = useDraftMutations({ orgSlug: liveSlug });
  const [at, setAt] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const inputId = useId();
  const { schedule } = draft;
  const missing = missingApprovals(draft.review.approvals);
  const isPending = drafts.schedule.isPending || drafts.cancelSchedule.isPending;

  if (draft.publishedAt) {
    if (!schedule || schedule.refusal) return null;
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Published as scheduled for <DateTime value={new Date(schedule.at)} />, by {schedule.by}.
      </p>
    );
  }
  if (!schedule && !canEdit) return null;

  const submit = () => {
    const iso = localToIso(at);
    if (!iso) return setProblem("Choose a date and time to publish at.");
    if (new Date(iso).getTime() <= Date.now()) return setProblem("Choose a moment in the future.");
    setProblem(null);
    drafts.schedule.mutate(
      { draftId: draft.id, at: iso },
      {
        onSuccess: () => setAt(""),
        onError: (error) => setProblem(errorMessage(error, "The draft was not scheduled.")),
      },
    );
  };

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Scheduled publish
      </h2>
      {schedule ? (
        <p className="text-sm">
          {schedule.refusal ? "Was scheduled" : "Publishes by itself"} at{" "}
          <strong>
            <DateTime value={new Date(schedule.at)} />
          </strong>
          , as scheduled by {schedule.by}.
        </p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Not scheduled. Choose a moment, and Remit publishes the draft then, as Publish would.
        </p>
      )}
      {schedule?.refusal && (
        <div
          role="alert"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          {schedule.refusal.conflicts.length > 0 ? (
            <>
              <p className="font-semibold">Scheduled publish refused: conflicts.</p>
              <p className="mt-1">
                Live changed {countNoun(schedule.refusal.conflicts.length, "thing")} that the draft changed too, so it
                was not published (<DateTime value={new Date(schedule.refusal.at)} />
                ). Publish with a choice for each, or schedule again.
              </p>
            </>
          ) : (
            <>
              <p className="font-semibold">Scheduled publish refused.</p>
              <p className="mt-1">
                {schedule.refusal.message.replace(/^scheduled publish refused\. /, "")} Publish by hand, or schedule
                again.
              </p>
            </>
          )}
          {schedule.refusal.conflicts.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {schedule.refusal.conflicts.map((conflict) => (
                <li key={conflict.id}>{conflict.label}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {canEdit && missing && (
        <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
          Scheduling waits for review: the draft {missing}.
        </p>
      )}
      {canEdit && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div>
            <label htmlFor={inputId} className="block text-sm font-medium">
              Publish at (your time)
            </label>
            <input
              id={inputId}
              type="datetime-local"
              value={at}
              onChange={(event) => setAt(event.target.value)}
              aria-invalid={problem !== null}
              className="mt-1 block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
            />
          </div>
          <Button type="submit" disabled={isPending || missing !== null}>
            {drafts.schedule.isPending ? "Scheduling…" : schedule ? "Reschedule" : "Schedule publish"}
          </Button>
          {schedule && (
            <Button
              type="button"
              variant="secondary"
              disabled={isPending}
              onClick={() =>
                drafts.cancelSchedule.mutate(draft.id, {
                  onError: (error) => setProblem(errorMessage(error, "The schedule was not cancelled.")),
                })
              }
            >
              {drafts.cancelSchedule.isPending ? "Cancelling…" : "Cancel schedule"}
            </Button>
          )}
        </form>
      )}
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </section>
  );
}
