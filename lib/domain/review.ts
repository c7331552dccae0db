// Review of drafts (issue 23): who reviews a draft, what they decided, and whether the draft has the approvals that
// publishing it needs. lib/server/drafts keeps the rows; this decides what they mean.
import type { TRole } from "./roles";

export const REVIEW_DECISIONS = ["approve", "request_changes"] as const;
export type TReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Who may review a draft: the members who could publish it themselves (Managers and Owners). The one who submits it
 * may not review it: an approval is a second pair of eyes.
 */
export function mayReview(role: TRole): boolean {
  return role === "MANAGER" || role === "OWNER";
}

/** The organisation's settings (GET /settings). */
export type TOrganizationSettings = {
  /** How many approvals publishing a draft needs; 0 turns review off. */
  approvalsRequired: number;
  /** Whether Viewers may comment (Managers and Owners always may). */
  viewersMayComment: boolean;
};

export const DEFAULT_SETTINGS: TOrganizationSettings = { approvalsRequired: 0, viewersMayComment: true };

/** The most approvals an organisation may ask for. */
export const APPROVALS_MAX = 20;

export type TReviewer = { id: string; name: string };

export type TDraftReview = {
  id: string;
  reviewer: TReviewer;
  decision: TReviewDecision;
  comment: string | null;
  at: string;
  /** When an edit to the draft withdrew this approval, or null. */
  withdrawnAt: string | null;
};

/** Whether the draft has the approvals publishing it needs. */
export type TApprovalState = { counted: number; required: number; isReady: boolean };

/** A draft's review as the API shows it. */
export type TDraftReviewView = {
  submittedAt: string | null;
  submittedBy: string | null;
  reviewers: TReviewer[];
  /** Oldest first. */
  reviews: TDraftReview[];
  approvals: TApprovalState;
};

/**
 * The approvals that count: of each chosen reviewer, their latest review, when it is an approval not withdrawn since.
 * A reviewer who approved and then asked for changes no longer approves.
 */
export function approvalState(
  reviewers: readonly { id: string }[],
  reviews: readonly Pick<TDraftReview, "reviewer" | "decision" | "withdrawnAt" | "at">[],
  required: number,
): TApprovalState {
  const chosen = new Set(reviewers.map((reviewer) => reviewer.id));
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const review of [...reviews].sort((a, b) => a.at.localeCompare(b.at))) {
    if (chosen.has(review.reviewer.id)) latest.set(review.reviewer.id, review);
  }
  const counted = [...latest.values()].filter(
    (review) => review.decision === "approve" && review.withdrawnAt === null,
  ).length;
  return { counted, required, isReady: counted >= required };
}

const approvals = (count: number) => (count === 1 ? "1 approval" : `${count} approvals`);

/** Why a draft may not be published yet ("needs 2 approvals, has 1"), or null when it may. */
export function missingApprovals(state: TApprovalState): string | null {
  if (state.isReady) return null;
  return `needs ${approvals(state.required)}, has ${state.counted}`;
}

/** History's lines for the steps of a review (journal notes of the live organisation: they change no row). */
export const REVIEW_SENTENCES = {
  submitted: (actor: string, draft: string, reviewers: readonly string[]) =>
    `${actor} submitted the draft “${draft}” for review by ${reviewers.join(", ")}`,
  approved: (actor: string, draft: string, comment: string | null) =>
    `${actor} approved the draft “${draft}”${comment ? `: “${comment}”` : ""}`,
  changesRequested: (actor: string, draft: string, comment: string | null) =>
    `${actor} requested changes to the draft “${draft}”${comment ? `: “${comment}”` : ""}`,
  /** `{approvers}` is replaced by the names of those whose approval was withdrawn (in SQL, where they are known). */
  approvalsWithdrawn: (actor: string, draft: string) =>
    `${actor} edited the draft “${draft}”, so the approval of {approvers} was withdrawn`,
  settingsChanged: (actor: string, changes: readonly string[]) =>
    `${actor} changed the settings: ${changes.join("; ")}`,
};

/** The changes between two settings, as History says them. */
export function settingsChanges(before: TOrganizationSettings, after: TOrganizationSettings): string[] {
  const changes: string[] = [];
  if (before.approvalsRequired !== after.approvalsRequired) {
    changes.push(
      after.approvalsRequired === 0
        ? "publishing a draft needs no approvals (review off)"
        : `publishing a draft needs ${approvals(after.approvalsRequired)}`,
    );
  }
  if (before.viewersMayComment !== after.viewersMayComment) {
    changes.push(after.viewersMayComment ? "Viewers may comment" : "Viewers may not comment");
  }
  return changes;
}
