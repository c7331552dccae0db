import "server-only";
import {
  approvalState,
  mayReview,
  missingApprovals,
  type TApprovalState,
  type TDraftReview,
  type TDraftReviewView,
  type TReviewDecision,
} from "@/lib/domain/review";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a draft's query selects for its review (see DRAFT_SELECT). */
export const REVIEW_SELECT = {
  organizationId: true,
  submittedAt: true,
  submittedByName: true,
  organization: { select: { approvalsRequired: true } },
  reviewers: {
    select: {
      user: { select: { id: true, name: true, memberships: { select: { organizationId: true, role: true } } } },
    },
    orderBy: { user: { name: "asc" } },
  },
  reviews: {
    select: {
      id: true,
      reviewerId: true,
      reviewerName: true,
      decision: true,
      comment: true,
      createdAt: true,
      withdrawnAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} as const satisfies Prisma.DraftSelect;

type TReviewRow = Prisma.DraftGetPayload<{ select: typeof REVIEW_SELECT }>;

/**
 * A draft's review as the API shows it: who was asked, what each decided, and whether it has its approvals. A reviewer
 * no longer a Manager or Owner of the organisation (removed, or made a Viewer) is no longer one: their approval no
 * longer counts.
 */
export function reviewView(row: TReviewRow): TDraftReviewView {
  const reviewers = row.reviewers
    .filter(({ user }) =>
      user.memberships.some((member) => member.organizationId === row.organizationId && mayReview(member.role)),
    )
    .map(({ user }) => ({ id: user.id, name: user.name }));
  const reviews: TDraftReview[] = row.reviews.map((review) => ({
    id: review.id,
    reviewer: { id: review.reviewerId, name: review.reviewerName },
    decision: review.decision as TReviewDecision,
    comment: review.comment,
    at: review.createdAt.toISOString(),
    withdrawnAt: review.withdrawnAt?.toISOString() ?? null,
  }));
  return {
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedByName,
    reviewers,
    reviews,
    approvals: approvalState(reviewers, reviews, row.organization.approvalsRequired),
  };
}

/**
 * Why the draft may not be published (or scheduled) yet, as its approvals stand in `tx` ("needs 2 approvals, has
 * 1"), or null. Called under the draft's lock (lockDraft), so that an edit withdrawing an approval (which holds the
 * draft's workspace while it writes) is either seen or waits.
 */
export async function missingApprovalsIn(tx: Prisma.TransactionClient, draftId: string): Promise<string | null> {
  const row = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: REVIEW_SELECT });
  const state: TApprovalState = reviewView(row).approvals;
  return missingApprovals(state);
}
