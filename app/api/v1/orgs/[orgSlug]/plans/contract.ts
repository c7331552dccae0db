import "server-only";
import { z } from "zod";
import { ZDraftView } from "@/lib/server/drafts/answers";
import { answer, defineOperation, named, ORG_PATH } from "@/lib/server/http/contract";
import { ZFlag } from "@/lib/server/map/answers";
import { ZSuggestPlan } from "@/lib/validation/plans";

const ZNamed = z.strictObject({ id: z.string(), key: z.string(), name: z.string() });

const ZPlanAnswer = named(
  "Plan",
  z.strictObject({
    draft: ZDraftView.nullable().meta({
      description: "The new draft holding the plan's changes; null when the plan clears nothing (no draft is made).",
    }),
    plan: z.strictObject({
      status: z.enum(["planned", "nothing_to_clear", "no_plan"]),
      message: z.string().meta({ description: "What the plan does, or why there is none, in words." }),
      changes: z.array(
        z.strictObject({
          kind: z.enum(["cell", "holder", "allocation"]),
          team: ZNamed,
          slot: z.strictObject({ id: z.string(), key: z.string(), role: z.string() }),
          duty: ZNamed.nullable().meta({ description: "The cell's duty; null for a holder change." }),
          from: z.string().nullable().meta({ description: "The cell's level, or the holder's id; null: empty." }),
          to: z.string().nullable(),
          fromPerson: ZNamed.nullable(),
          toPerson: ZNamed.nullable(),
          fromAllocation: z.number().nullable().meta({ description: "An allocation change's allocation before." }),
          toAllocation: z.number().nullable().meta({ description: "An allocation change's allocation after." }),
          summary: z.string(),
          resolves: z.array(ZFlag).meta({ description: "The flags the plan resolves that are about this change." }),
        }),
      ),
      resolved: z.array(ZFlag).meta({ description: "Every flag the plan clears (checked with the real analysis)." }),
      introduced: z.array(ZFlag).meta({ description: "Every flag the plan raises." }),
      notCleared: z
        .array(z.strictObject({ flag: ZFlag, reason: z.string() }))
        .meta({ description: "The flags asked for that the plan leaves, each with why." }),
      objective: z.number().nullable().meta({ description: "The plan's cost: weighted flags left, then changes." }),
      isOptimal: z.boolean().meta({
        description:
          "Whether no plan costs less: the solver proved it, and every person who could make the plan better could " +
          "take a slot (see holderPool).",
      }),
      holderPool: z
        .string()
        .nullable()
        .meta({
          description:
            "When new holders came only from some people (everyone who could help was too many options), who, in " +
            "words: the plan is then optimal among those at best. null when nobody who could help was left out.",
        }),
      gap: z.number().nullable().meta({ description: "The solver's relative gap when it stopped; 0 when optimal." }),
      solveSeconds: z.number().nullable(),
    }),
  }),
);

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/plans`,
  tag: "Drafts",
  summary: "Suggest a plan: the fewest changes that clear the flags, as a new draft",
  description:
    "Formulates the changes (cell levels, slot holders and lower allocations; never new people or deleted rows) " +
    "that clear the flags " +
    "asked for (`clear`) as a mixed-integer program and solves it with HiGHS within `timeLimitSeconds` (default " +
    "10): clear the asked flags (weighted by severity), then raise no new ones, then make as few changes as possible, " +
    "following the PO/PM guide's leanings. The changes are written into a new draft (made from live, or from the " +
    "draft `from`), so compare, edit, review and publish apply. `lockedTeams` and `lockedPeople` (ids or keys) are " +
    "left alone, `onlyTeams` limits the plan to those teams; `allowHolderChanges` and `allowAllocationChanges` " +
    "(default true) let it give slots to other people and lower allocations (in tenths, to no less than half). A " +
    "plan that clears nothing makes no draft. With `progressId`, the caller's event streams (GET …/events) get " +
    "`plan_progress` events with that id while the server works: its stage (building, solving, judging, writing) " +
    "and, while HiGHS solves, its gap.",
  access: "edit_map",
  body: ZSuggestPlan,
  responses: {
    200: answer(
      "The plan and the draft it made; when the plan clears nothing, `draft` is null (no draft was made) and " +
        "`plan.message` says why.",
      ZPlanAnswer,
    ),
  },
});
