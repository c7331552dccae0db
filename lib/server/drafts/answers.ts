import "server-only";
import { z } from "zod";
import { MERGE_KINDS } from "@/lib/domain/map-merge";
import { REVIEW_DECISIONS } from "@/lib/domain/review";
import { named, ZDateTime } from "@/lib/server/http/contract";
import { ZComparedFlag } from "@/lib/server/http/flag-answers";

// What the drafts' routes answer.

export const ZMergeConflict = named(
  "MergeConflict",
  z.strictObject({
    id: z.string().meta({ description: "Key the choice for this conflict by this." }),
    kind: z.enum(MERGE_KINDS),
    label: z.string(),
    base: z.unknown().meta({ description: "The value when the draft was made; null when absent." }),
    live: z.unknown(),
    draft: z.unknown(),
  }),
);

const ZReviewer = z.strictObject({ id: z.string().meta({ description: "The member's user id." }), name: z.string() });

export const ZDraftReview = named(
  "DraftReview",
  z.strictObject({
    submittedAt: ZDateTime.nullable().meta({ description: "When it was last submitted for review, or null." }),
    submittedBy: z.string().nullable(),
    reviewers: z.array(ZReviewer).meta({ description: "The members chosen to review it." }),
    reviews: z
      .array(
        z.strictObject({
          id: z.string(),
          reviewer: ZReviewer,
          decision: z.enum(REVIEW_DECISIONS),
          comment: z.string().nullable(),
          at: ZDateTime,
          withdrawnAt: ZDateTime.nullable().meta({
            description: "When an edit to the draft withdrew this approval; null while it stands.",
          }),
        }),
      )
      .meta({ description: "Every review, oldest first; each reviewer's latest is their standing one." }),
    approvals: z
      .strictObject({
        counted: z.int().meta({ description: "Standing approvals of chosen reviewers." }),
        required: z.int().meta({ description: "The organisation's setting (0: review off)." }),
        isReady: z.boolean().meta({ description: "Whether publishing and scheduling are allowed." }),
      })
      .meta({ description: "Whether the draft has the approvals publishing needs." }),
  }),
);

const ZDraftPlanFlag = z.strictObject({ kind: z.string(), severity: z.string(), message: z.string() });

export const ZDraftView = named(
  "DraftView",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    slug: z.string().meta({ description: "The draft's workspace: every map route and screen works under this slug." }),
    createdAt: ZDateTime,
    createdBy: z.string(),
    publishedAt: ZDateTime.nullable().meta({ description: "Set once published; the draft is then read-only." }),
    schedule: z
      .strictObject({
        at: ZDateTime.meta({ description: "When it publishes (or published, or was refused)." }),
        by: z.string().meta({ description: "Who scheduled it." }),
        refusal: z
          .strictObject({
            at: ZDateTime,
            message: z.string(),
            conflicts: z.array(ZMergeConflict),
          })
          .nullable()
          .meta({
            description:
              "Set when live changed the same things meanwhile: the draft was not published. Publish with choices, or schedule again.",
          }),
      })
      .nullable()
      .meta({ description: "A publish planned for a moment (POST …/schedule), or null." }),
    review: ZDraftReview,
    plan: z
      .strictObject({
        message: z.string(),
        changes: z.array(z.strictObject({ summary: z.string(), resolves: z.array(ZDraftPlanFlag) })),
        notCleared: z.array(z.strictObject({ flag: ZDraftPlanFlag, reason: z.string() })),
      })
      .nullable()
      .meta({
        description:
          "For a draft a suggested plan made (POST …/plans): what the plan said, and each change with the flags it " +
          "resolves, as when it was made; null for a draft made by hand.",
      }),
  }),
);

const ZDiffEntry = z.strictObject({ id: z.string(), label: z.string(), detail: z.string().optional() });
const ZEntityDiff = z.strictObject({
  added: z.array(ZDiffEntry),
  removed: z.array(ZDiffEntry),
  changed: z.array(
    ZDiffEntry.extend({ changes: z.array(z.strictObject({ field: z.string(), from: z.string(), to: z.string() })) }),
  ),
});

export const ZDraftComparison = named(
  "DraftComparison",
  z.strictObject({
    with: z.strictObject({ kind: z.enum(["live", "draft"]), id: z.string(), name: z.string() }),
    changes: z
      .strictObject({
        teams: ZEntityDiff,
        people: ZEntityDiff,
        duties: ZEntityDiff,
        slots: ZEntityDiff,
        assignments: ZEntityDiff,
        rules: ZEntityDiff.meta({ description: "The rules whose settings differ (only `changed`)." }),
        total: z.int(),
      })
      .meta({ description: "What the draft changes, matched by key, its rules included." }),
    score: z.strictObject({ before: z.int().nullable(), after: z.int().nullable() }),
    teams: z
      .array(
        z.strictObject({ key: z.string(), name: z.string(), before: z.int().nullable(), after: z.int().nullable() }),
      )
      .meta({ description: "Teams whose score changes (null where the team is absent), worst change first." }),
    flags: z.strictObject({ resolved: z.array(ZComparedFlag), introduced: z.array(ZComparedFlag) }),
  }),
);
