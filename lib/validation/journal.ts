import { canBeStored, ZRef } from "./map-fields";
import { z } from "zod";
import { isMomentInRange, JOURNAL_ACTIONS, JOURNAL_ENTITIES, MOMENT_OUT_OF_RANGE } from "@/lib/domain/journal";

/** A date and time, as ISO 8601. */
export const ZMoment = (field: string) =>
  z
    .string({ error: `"${field}" must be a date and time, like 2026-11-28T14:30:00Z.` })
    .trim()
    .max(40, `"${field}" must be a date and time, like 2026-11-28T14:30:00Z.`)
    .refine((value) => isMomentInRange(new Date(value)), MOMENT_OUT_OF_RANGE(field))
    .transform((value) => new Date(value));

const ACTOR_ID = `"actorId" is a user's or API token's id.`;

/** `GET journal` query: filters (all optional, combined with "and"), and the page. */
/** A query's `limit`: how many items a page holds, from 1 to 100. */
export const ZLimit = z.coerce
  .number({ error: `"limit" must be a number from 1 to 100.` })
  .int(`"limit" must be a whole number from 1 to 100.`)
  .min(1, `"limit" must be from 1 to 100.`)
  .max(100, `"limit" must be from 1 to 100.`);

/** A query's `limit`, `fallback` when not given. */
export const ZPageLimit = (fallback: number) => ZLimit.default(fallback);

export const ZJournalQuery = z
  .object({
    teamId: ZRef("teamId", "a team").optional(),
    personId: ZRef("personId", "a person").optional(),
    actorId: z
      .string({ error: ACTOR_ID })
      .trim()
      .min(1, ACTOR_ID)
      .max(100, ACTOR_ID)
      .refine(canBeStored, ACTOR_ID)
      .optional(),
    kind: z.enum(JOURNAL_ENTITIES, { error: `"kind" can be ${JOURNAL_ENTITIES.join(", ")}.` }).optional(),
    action: z.enum(JOURNAL_ACTIONS, { error: `"action" can be ${JOURNAL_ACTIONS.join(", ")}.` }).optional(),
    from: ZMoment("from").optional(),
    to: ZMoment("to").optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, `"cursor" must be the nextCursor of an earlier page.`)
      .optional(),
    limit: ZPageLimit(25),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: `"from" must not be after "to".`,
    path: ["from"],
  });
export type TJournalQuery = z.infer<typeof ZJournalQuery>;

/** `?at=` for point-in-time views: a past moment (the map as it was), or a future one (as it is planned to be). */
export const ZMomentQuery = z.object({ at: ZMoment("at").optional() });

/** `POST teams/{teamId}/restore` body. */
export const ZRestoreTeam = z.strictObject(
  { at: ZMoment("at") },
  { error: `Send {"at": "<date and time>"}: the moment to restore the team to.` },
);

/** `GET timeline` query: from and to, past or future moments (by default the last 30 days and the next 90). */
export const ZTimelineQuery = z
  .object({ from: ZMoment("from").optional(), to: ZMoment("to").optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: `"from" must not be after "to".`,
    path: ["from"],
  });
