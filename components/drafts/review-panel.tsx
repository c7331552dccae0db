"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import { useDraftMutations } from "@/lib/client/drafts";
import type { TReviewDecision } from "@/lib/domain/review";
import type { TDraft } from "./draft-types";

/** A member who may be chosen to review: a Manager or Owner other than the one submitting. */
export type TReviewCandidate = { id: string; name: string; role: string };

const DECISION_LABELS: Record<TReviewDecision, string> = {
  approve: "Approved",
  request_changes: "Requested changes",
};

/**
 * A draft's review: whether it has the approvals publishing needs, who reviews it and what each decided (an approval
 * an edit withdrew is marked so). Managers submit it to chosen reviewers; a chosen reviewer approves or requests
 * changes, with a comment.
 */
export function ReviewPanel({
  liveSlug,
  draft,
  candidates,
  userId,
  canSubmit,
  canReview,
}: {
  liveSlug: string;
  draft: TDraft;
  candidates: TReviewCandidate[];
  userId: string;
  /** Whether the viewer may submit it (a Manager or Owner, the draft unpublished). */
  canSubmit: boolean;
  /** Whether the viewer may review (a Manager or Owner, the draft unpublished); only chosen reviewers do. */
  canReview: boolean;
}) {
  const drafts = useDraftMutations({ orgSlug: liveSlug });
  const { review } = draft;
  const { approvals } = review;
  const headingId = useId();
  const reviewersId = useId();
  const commentId = useId();
  const [chosen, setChosen] = useState<string[]>(review.reviewers.map((reviewer) => reviewer.id));
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isReviewer = canReview && review.reviewers.some((reviewer) => reviewer.id === userId);
  const isPending = drafts.submit.isPending || drafts.review.isPending;

  const submit = () => {
    setNotice(null);
    if (chosen.length === 0) return setProblem("Choose at least one reviewer.");
    setProblem(null);
    drafts.submit.mutate(
      { draftId: draft.id, reviewers: chosen },
      {
        onSuccess: () => setNotice("Submitted for review."),
        onError: (error) =>
          setProblem(
            error instanceof ApiError && error.fields?.reviewers
              ? error.fields.reviewers.join(" ")
              : errorMessage(error, "The draft was not submitted."),
          ),
      },
    );
  };
  const decide = (decision: TReviewDecision) => {
    setNotice(null);
    setProblem(null);
    drafts.review.mutate(
      { draftId: draft.id, body: { decision, comment: comment.trim() || null } },
      {
        onSuccess: () => {
          setComment("");
          setNotice(decision === "approve" ? "You approved the draft." : "You requested changes.");
        },
        onError: (error) => setProblem(errorMessage(error, "Your review was not saved.")),
      },
    );
  };

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          Review
        </h2>
        <p className="text-sm" data-testid="approval-state">
          {approvals.required === 0 ? (
            <>Review is off here: publishing needs no approvals.</>
          ) : (
            <>
              <strong>
                {approvals.counted} of {approvals.required}
              </strong>{" "}
              {approvals.required === 1 ? "approval" : "approvals"} needed to publish
              {approvals.isReady ? ": ready to publish." : "."}
            </>
          )}
        </p>
      </div>
      {review.submittedAt ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Submitted by {review.submittedBy} <DateTime value={new Date(review.submittedAt)} /> to{" "}
          {review.reviewers.map((reviewer) => reviewer.name).join(", ") || "nobody who may still review"}.
        </p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">Not submitted for review yet.</p>
      )}
      {review.reviews.length > 0 && (
        <ol className="space-y-2" aria-label="Reviews">
          {review.reviews.map((item) => (
            <li
              key={item.id}
              className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
              data-testid="review"
            >
              <p>
                <strong>{item.reviewer.name}</strong>:{" "}
                <span
                  className={
                    item.decision === "approve"
                      ? "font-medium text-emerald-800 dark:text-emerald-300"
                      : "font-medium text-amber-800 dark:text-amber-300"
                  }
                >
                  {DECISION_LABELS[item.decision]}
                </span>{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  <DateTime value={new Date(item.at)} />
                </span>
                {item.withdrawnAt && (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                    Withdrawn by an edit <DateTime value={new Date(item.withdrawnAt)} />
                  </span>
                )}
              </p>
              {item.comment && <p className="mt-1 whitespace-pre-wrap break-words">{item.comment}</p>}
            </li>
          ))}
        </ol>
      )}
      {isReviewer && (
        <div className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <label htmlFor={commentId} className="block text-sm font-medium">
            Your review (a comment, optional)
          </label>
          <textarea
            id={commentId}
            value={comment}
            maxLength={2000}
            rows={3}
            onChange={(event) => setComment(event.target.value)}
            className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
          />
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => decide("approve")} disabled={isPending}>
              Approve
            </Button>
            <Button variant="secondary" onClick={() => decide("request_changes")} disabled={isPending}>
              Request changes
            </Button>
          </div>
        </div>
      )}
      {canSubmit && (
        <form
          className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset aria-describedby={reviewersId}>
            <legend className="text-sm font-medium">{review.submittedAt ? "Reviewers" : "Submit for review to"}</legend>
            <p id={reviewersId} className="text-xs text-slate-600 dark:text-slate-400">
              Managers and Owners, other than you.
            </p>
            {candidates.length === 0 ? (
              <p className="mt-1 text-sm">There is no other Manager or Owner to review it.</p>
            ) : (
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {candidates.map((candidate) => (
                  <li key={candidate.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="accent-indigo-600"
                        checked={chosen.includes(candidate.id)}
                        onChange={(event) =>
                          setChosen(
                            event.target.checked
                              ? [...chosen, candidate.id]
                              : chosen.filter((id) => id !== candidate.id),
                          )
                        }
                      />
                      {candidate.name} <span className="text-slate-600 dark:text-slate-400">({candidate.role})</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <Button type="submit" variant="secondary" disabled={isPending || candidates.length === 0}>
            {drafts.submit.isPending ? "Submitting…" : review.submittedAt ? "Submit again" : "Submit for review"}
          </Button>
        </form>
      )}
      <div aria-live="polite">
        {problem && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
        {notice && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {notice}
          </p>
        )}
      </div>
    </section>
  );
}
