"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { usePlanProgress, useSuggestPlan } from "@/lib/client/drafts";
import type { TPlanProgress } from "@/lib/domain/plan-model";
import { draftComparePath } from "@/lib/domain/page-paths";
import { Button } from "@/components/ui/button";

/** Where a plan is suggested: for a live organisation or from one of its drafts, for all its teams or one. */
export type TSuggestPlanProps = {
  liveSlug: string;
  fromDraftId?: string;
  team?: { key: string; name: string };
};

const DEFAULT_SECONDS = 10;

/** A fresh id for a request's progress (crypto.randomUUID needs a secure context; this does not). */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Where the server is, in words: its stage, and while HiGHS solves, the gap it has proved so far. */
function describeProgress(progress: TPlanProgress | null | undefined, elapsed: number, limit: number): string {
  if (!progress) return `Sending the request… ${elapsed} s`;
  switch (progress.stage) {
    case "building":
      return "Writing the program…";
    case "solving": {
      const spent = `${Math.floor(progress.seconds)} s of at most ${limit} s`;
      return progress.gap === null
        ? `Solving (${spent}): no plan found yet.`
        : `Solving (${spent}): the best plan found is within ${formatPercent(progress.gap)} of the best possible.`;
    }
    case "judging":
      return "Checking the plan with the analysis…";
    case "writing":
      return "Writing the draft…";
  }
}

function formatPercent(gap: number): string {
  const percent = gap * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** The dialog of "Suggest a plan" (see SuggestPlan), loaded when first opened. */
export function SuggestPlanDialog({
  liveSlug,
  fromDraftId,
  team,
  isOpen,
  onClose,
}: TSuggestPlanProps & { isOpen: boolean; onClose: () => void }) {
  const router = useRouter();
  const suggest = useSuggestPlan({ orgSlug: liveSlug });
  const [seconds, setSeconds] = useState(DEFAULT_SECONDS);
  const [now, setNow] = useState(() => Date.now());
  const [requestId, setRequestId] = useState(newRequestId);
  const progress = usePlanProgress(requestId);
  const titleId = useId();

  // A clock that ticks while the server solves; the time spent is counted from when the request was sent.
  useEffect(() => {
    if (!suggest.isPending) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [suggest.isPending]);
  const elapsed = suggest.isPending ? Math.max(0, Math.floor((now - suggest.submittedAt) / 1000)) : 0;

  const answer = suggest.data;
  const fieldErrors =
    suggest.error && "fields" in suggest.error ? (suggest.error.fields as Record<string, string[]>) : {};

  return (
    <ModalDialog
      isOpen={isOpen}
      onClose={() => {
        if (!suggest.isPending) onClose();
      }}
      labelledBy={titleId}
      className="m-auto w-full max-w-md rounded-lg bg-white p-5 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/60 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const maxChanges = String(form.get("maxChanges") ?? "").trim();
          const progressId = newRequestId();
          setRequestId(progressId);
          suggest.mutate(
            {
              clear: form.get("clear") === "errors_and_warnings" ? "errors_and_warnings" : "errors",
              allowHolderChanges: form.get("allowHolderChanges") === "on",
              allowAllocationChanges: form.get("allowAllocationChanges") === "on",
              ...(maxChanges ? { maxChanges: Number(maxChanges) } : {}),
              timeLimitSeconds: seconds,
              ...(team ? { onlyTeams: [team.key] } : {}),
              ...(fromDraftId ? { from: fromDraftId } : {}),
              progressId,
            },
            {
              onSuccess: (result) => {
                if (result.draft) router.push(draftComparePath(liveSlug, result.draft.id, null));
              },
            },
          );
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Suggest a plan{team ? ` for ${team.name}` : ""}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Remit looks for the fewest changes of cell levels, slot holders and allocations that clear the flags, without
          raising new ones, and puts them in a new draft for you to compare, edit and publish.
        </p>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Clear</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="clear" value="errors" defaultChecked /> Errors
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="clear" value="errors_and_warnings" /> Errors and warnings
          </label>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="allowHolderChanges" defaultChecked /> Give slots to other people
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="allowAllocationChanges" defaultChecked /> Lower allocations
        </label>
        <div className="grid grid-cols-2 gap-3 text-sm">
          <label className="space-y-1">
            <span className="block font-medium">At most (changes)</span>
            <input
              type="number"
              name="maxChanges"
              min={1}
              placeholder="No limit"
              aria-describedby={fieldErrors.maxChanges ? `${titleId}-max` : undefined}
              className="w-full rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300 dark:bg-slate-950 dark:ring-slate-700"
            />
            {fieldErrors.maxChanges && (
              <span id={`${titleId}-max`} className="block text-red-700 dark:text-red-400">
                {fieldErrors.maxChanges.join(" ")}
              </span>
            )}
          </label>
          <label className="space-y-1">
            <span className="block font-medium">Think for (seconds)</span>
            <input
              type="number"
              min={1}
              max={60}
              value={seconds}
              onChange={(event) => setSeconds(Math.min(60, Math.max(1, Number(event.target.value) || 1)))}
              className="w-full rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300 dark:bg-slate-950 dark:ring-slate-700"
            />
          </label>
        </div>
        {suggest.isPending && (
          <div role="status" className="space-y-1 text-sm">
            <p>{describeProgress(progress, elapsed, seconds)}</p>
            {progress?.stage === "solving" && (
              <progress
                max={seconds}
                value={Math.min(progress.seconds, seconds)}
                aria-label="Time spent solving, of the limit"
                className="w-full"
              />
            )}
          </div>
        )}
        {answer && !answer.draft && (
          <p role="status" className="text-sm">
            {answer.plan.message}
          </p>
        )}
        {answer?.draft && (
          <p role="status" className="text-sm">
            {answer.plan.message} Opening the draft…
          </p>
        )}
        {suggest.isError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {suggest.error.message}
          </p>
        )}
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onClose} disabled={suggest.isPending}>
            Close
          </Button>
          <Button type="submit" disabled={suggest.isPending}>
            {suggest.isPending ? "Solving…" : "Suggest"}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
