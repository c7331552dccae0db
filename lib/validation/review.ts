import { z } from "zod";
import { APPROVALS_MAX, REVIEW_DECISIONS } from "@/lib/domain/review";
import { hasSomeField, NOTHING_TO_CHANGE, ZBody } from "./map-fields";

export const REVIEW_COMMENT_MAX = 2000;
export const REVIEWERS_MAX = 20;

const APPROVALS = `"approvalsRequired" is a whole number from 0 (review off) to ${APPROVALS_MAX}.`;

/** `PATCH settings`: what changes; what is left out keeps its value. */
export const ZUpdateSettings = ZBody("the settings", {
  approvalsRequired: z
    .int({ error: APPROVALS })
    .min(0, APPROVALS)
    .max(APPROVALS_MAX, APPROVALS)
    .optional()
    .meta({ description: "How many approvals publishing a draft needs; 0 turns review off." }),
  viewersMayComment: z
    .boolean({ error: `"viewersMayComment" is true or false.` })
    .optional()
    .meta({ description: "Whether Viewers may comment (Managers and Owners always may)." }),
}).refine(hasSomeField, { error: NOTHING_TO_CHANGE });

const REVIEWER_ID = `Each reviewer is a member's user id.`;

/** `POST drafts/{draftId}/submit`: the members to review the draft (their user ids). */
export const ZSubmitDraft = ZBody("a submission for review", {
  reviewers: z
    .array(z.string({ error: REVIEWER_ID }).trim().min(1, REVIEWER_ID).max(100, REVIEWER_ID), {
      error: `"reviewers" is a list of members' user ids.`,
    })
    .min(1, "Choose at least one reviewer.")
    .max(REVIEWERS_MAX, `Choose at most ${REVIEWERS_MAX} reviewers.`),
});

/** `POST drafts/{draftId}/reviews`: the caller's decision, with a comment. */
export const ZReviewDraft = ZBody("a review", {
  decision: z.enum(REVIEW_DECISIONS, { error: `"decision" is "approve" or "request_changes".` }),
  comment: z
    .string({ error: `"comment" must be text.` })
    .trim()
    .max(REVIEW_COMMENT_MAX, `A comment has at most ${REVIEW_COMMENT_MAX.toLocaleString("en")} characters.`)
    .nullish(),
});
