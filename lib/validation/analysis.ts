import { z } from "zod";
import type { TMapScope } from "@/lib/domain/map-slice";
import { PEOPLE_FIND_MAX_LENGTH } from "@/lib/domain/people-view";
import { ZLimit, ZMoment } from "./journal";
import { canBeStored, ZRef } from "./map-fields";

/** `GET analysis` query: `?teamId=` narrows the answer to one team; `?at=` analyses the map of a past or future moment. */
export const ZAnalysisQuery = z.object({ teamId: ZRef("teamId", "a team").optional(), at: ZMoment("at").optional() });
export type TAnalysisQuery = z.infer<typeof ZAnalysisQuery>;

const OFFSET = `"offset" must be a whole number from 0 on: how many matching people to skip.`;
const FIND = `"find" is text to look for in people's names and emails, at most ${PEOPLE_FIND_MAX_LENGTH} characters.`;

/**
 * `GET state` query: at most one of `?teamId=`, `?personId=` and `?part=` narrows the map (see mapSlice). With
 * `part=people`, `find`, `overloaded`, `offset` and `limit` make it a page of the people directory (see peoplePage).
 */
export const ZMapStateQuery = z
  .object({
    teamId: ZRef("teamId", "a team").optional(),
    personId: ZRef("personId", "a person").optional(),
    part: z.enum(["people", "roster", "duties"], { error: 'part can be "people", "roster" or "duties".' }).optional(),
    at: ZMoment("at").optional(),
    find: z.string({ error: FIND }).max(PEOPLE_FIND_MAX_LENGTH, FIND).refine(canBeStored, FIND).optional(),
    overloaded: z
      .enum(["true", "false"], { error: `"overloaded" is true or false.` })
      .transform((value) => value === "true")
      .optional(),
    offset: z.coerce.number({ error: OFFSET }).int(OFFSET).min(0, OFFSET).max(1_000_000, OFFSET).optional(),
    limit: ZLimit.optional(),
  })
  .refine((query) => [query.teamId, query.personId, query.part].filter((value) => value !== undefined).length <= 1, {
    message: "Give at most one of teamId, personId and part.",
    path: ["teamId"],
  })
  .refine(
    (query) =>
      query.part === "people" ||
      [query.find, query.overloaded, query.offset, query.limit].every((value) => value === undefined),
    { message: `"find", "overloaded", "offset" and "limit" go with part=people.`, path: ["part"] },
  );

/** The part of the map the query asks for (see mapSlice): with a page's parameters, a page of the people directory. */
export function mapScopeOf(query: z.output<typeof ZMapStateQuery>): TMapScope | undefined {
  const { teamId, personId, part, find, overloaded, offset, limit } = query;
  if (teamId !== undefined) return { teamId };
  if (personId !== undefined) return { personId };
  const isPage = [find, overloaded, offset, limit].some((value) => value !== undefined);
  return isPage ? { people: { find, isOverloadedOnly: overloaded, offset, limit } } : part;
}
