import { z } from "zod";
import { ZCreateDraft } from "./drafts";
import { ZBody, ZRef } from "./map-fields";

/** How many teams or people a plan may lock: every team of the largest map allowed, with room. */
export const PLAN_LOCK_MAX = 20_000;
export const PLAN_TIME_LIMIT_MAX = 60;

const ZRefs = (field: string, noun: string) =>
  z
    .array(ZRef(field, noun), { error: `"${field}" must be a list of ids or keys of ${noun}s.` })
    .max(PLAN_LOCK_MAX, `"${field}" lists at most ${PLAN_LOCK_MAX.toLocaleString("en")} entries.`)
    .optional();

/** `POST plans`: what to clear, what to leave alone, and how far the plan may go. */
export const ZSuggestPlan = ZBody("a plan request", {
  clear: z.enum(["errors", "errors_and_warnings"], {
    error: `"clear" must be "errors" or "errors_and_warnings".`,
  }),
  lockedTeams: ZRefs("lockedTeams", "a team"),
  lockedPeople: ZRefs("lockedPeople", "a person"),
  onlyTeams: ZRefs("onlyTeams", "a team"),
  maxChanges: z
    .number({ error: `"maxChanges" must be a whole number of at least 1.` })
    .int(`"maxChanges" must be a whole number of at least 1.`)
    .min(1, `"maxChanges" must be at least 1: a plan of no changes clears nothing.`)
    .max(100_000, `"maxChanges" must be at most 100,000.`)
    .optional(),
  allowHolderChanges: z.boolean({ error: `"allowHolderChanges" must be true or false.` }).optional(),
  allowAllocationChanges: z.boolean({ error: `"allowAllocationChanges" must be true or false.` }).optional(),
  timeLimitSeconds: z
    .number({ error: `"timeLimitSeconds" must be a number of seconds from 1 to ${PLAN_TIME_LIMIT_MAX}.` })
    .min(1, `"timeLimitSeconds" must be from 1 to ${PLAN_TIME_LIMIT_MAX}.`)
    .max(PLAN_TIME_LIMIT_MAX, `"timeLimitSeconds" must be from 1 to ${PLAN_TIME_LIMIT_MAX}.`)
    .optional(),
  from: ZCreateDraft.shape.from,
  /** The caller's id for this request: its progress comes on their event stream as `plan_progress` with this id. */
  progressId: z
    .string({ error: `"progressId" must be text: letters, digits, "-" and "_", 8 to 64 of them.` })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, `"progressId" must be letters, digits, "-" and "_", 8 to 64 of them.`)
    .optional(),
});
export type TSuggestPlan = z.infer<typeof ZSuggestPlan>;
