// Drafts as the API and the screens see them (lib/server/drafts works with them).
import type { TMapComparison } from "./map-compare";
import type { TMergeConflict } from "./map-merge";
import type { TDraftReviewView } from "./review";

/** A draft as the API shows it. `slug` is its workspace's: every map route and screen works under it. */
export type TDraftView = {
  id: string;
  name: string;
  description: string | null;
  slug: string;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  /** A publish planned for a moment, or null. */
  schedule: TDraftSchedule | null;
  /** Its review: reviewers, their reviews, and whether it has the approvals publishing needs. */
  review: TDraftReviewView;
  /** What the suggested plan that made it said, or null for a draft made by hand. */
  plan: TDraftPlan | null;
};

/** A flag as a plan's draft keeps it: enough to say it in words. */
export type TDraftPlanFlag = { kind: string; severity: string; message: string };

/**
 * What a suggested plan said when it made the draft: its summary, what it could not clear and why, and each change
 * in a sentence with the flags it resolves. Kept as it was: later edits to the draft do not change it.
 */
export type TDraftPlan = {
  message: string;
  changes: { summary: string; resolves: TDraftPlanFlag[] }[];
  notCleared: { flag: TDraftPlanFlag; reason: string }[];
};

/**
 * A scheduled publish: when, by whom, and, when live changed the same things meanwhile, the refusal (the draft was
 * not published; choose for each conflict and publish, or schedule again).
 */
export type TDraftSchedule = {
  at: string;
  by: string;
  refusal: { at: string; message: string; conflicts: TMergeConflict[] } | null;
};

/** The scheduler as the draft keeps it: enough to act as them when the moment comes, and their name for History. */
export type TScheduler = { kind: "user" | "token"; id: string; name: string };

/** What a refused scheduled publish is called, on the draft and in History. */
export const SCHEDULED_PUBLISH_REFUSED = "scheduled publish refused: conflicts";

/** History's line for a refused scheduled publish (a journal note: it changed nothing). */
export function refusedSentence(draftName: string, schedulerName: string, conflictCount: number): string {
  const conflicts = conflictCount === 1 ? "1 conflict" : `${conflictCount} conflicts`;
  return conflictCount > 0
    ? `Draft “${draftName}”: ${SCHEDULED_PUBLISH_REFUSED} with live (${conflicts}); scheduled by ${schedulerName}`
    : `Draft “${draftName}”: scheduled publish refused; scheduled by ${schedulerName}`;
}

/** A draft compared with live or another draft (see compareMaps). */
export type TDraftComparison = TMapComparison & { with: { kind: "live" | "draft"; id: string; name: string } };
