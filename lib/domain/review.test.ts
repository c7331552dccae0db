import { describe, expect, it } from "vitest";
import { approvalState, mayReview, missingApprovals, settingsChanges, type TDraftReview } from "./review";

const review = (
  reviewerId: string,
  decision: TDraftReview["decision"],
  at: string,
  withdrawnAt: string | null = null,
) => ({ reviewer: { id: reviewerId, name: reviewerId }, decision, at, withdrawnAt });

describe("approvalState", () => {
  const reviewers = [{ id: "ana" }, { id: "ben" }];

  it("counts each chosen reviewer's latest review when it is an approval not withdrawn", () => {
    const reviews = [
      review("ana", "approve", "2026-12-01T10:00:00.000Z"),
      review("ben", "approve", "2026-12-01T10:01:00.000Z"),
      review("ben", "request_changes", "2026-12-01T10:02:00.000Z"),
    ];
    expect(approvalState(reviewers, reviews, 2)).toEqual({ counted: 1, required: 2, isReady: false });
  });

  it("does not count a withdrawn approval, nor one of a reviewer no longer chosen", () => {
    const reviews = [
      review("ana", "approve", "2026-12-01T10:00:00.000Z", "2026-12-01T11:00:00.000Z"),
      review("cleo", "approve", "2026-12-01T10:00:00.000Z"),
      review("ben", "approve", "2026-12-01T12:00:00.000Z"),
    ];
    expect(approvalState(reviewers, reviews, 1)).toEqual({ counted: 1, required: 1, isReady: true });
  });

  it("is ready with review off, whatever the reviews", () => {
    expect(approvalState([], [], 0)).toEqual({ counted: 0, required: 0, isReady: true });
  });
});

describe("missingApprovals", () => {
  it("says how many approvals are missing, or nothing when ready", () => {
    expect(missingApprovals({ counted: 1, required: 2, isReady: false })).toBe("needs 2 approvals, has 1");
    expect(missingApprovals({ counted: 0, required: 1, isReady: false })).toBe("needs 1 approval, has 0");
    expect(missingApprovals({ counted: 2, required: 2, isReady: true })).toBeNull();
  });
});

describe("mayReview", () => {
  it("lets Managers and Owners review, not Viewers", () => {
    expect([mayReview("OWNER"), mayReview("MANAGER"), mayReview("VIEWER")]).toEqual([true, true, false]);
  });
});

describe("settingsChanges", () => {
  it("says each change, and nothing for none", () => {
    const before = { approvalsRequired: 0, viewersMayComment: true };
    expect(settingsChanges(before, before)).toEqual([]);
    expect(settingsChanges(before, { approvalsRequired: 2, viewersMayComment: false })).toEqual([
      "publishing a draft needs 2 approvals",
      "Viewers may not comment",
    ]);
    expect(settingsChanges({ ...before, approvalsRequired: 1 }, before)).toEqual([
      "publishing a draft needs no approvals (review off)",
    ]);
  });
});
