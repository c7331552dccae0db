import { z } from "zod";
import { ZMoment } from "./journal";
import { ZRef } from "./map-fields";

/** `GET analysis` query: `?teamId=` narrows the answer to one team; `?at=` analyses the map of a past or future moment. */
export const ZAnalysisQuery = z.object({ teamId: ZRef("teamId", "a team").optional(), at: ZMoment("at").optional() });
export type TAnalysisQuery = z.infer<typeof ZAnalysisQuery>;

/** `GET state` query: at most one of `?teamId=`, `?personId=` and `?part=` narrows the map (see mapSlice). */
export const ZMapStateQuery = z
  .object({
    teamId: ZRef("teamId", "a team").optional(),
    personId: ZRef("personId", "a person").optional(),
    part: z.enum(["people", "roster", "duties"], { error: 'part can be "people", "roster" or "duties".' }).optional(),
    at: ZMoment("at").optional(),
  })
  .refine((query) => [query.teamId, query.personId, query.part].filter((value) => value !== undefined).length <= 1, {
    message: "Give at most one of teamId, personId and part.",
    path: ["teamId"],
  });
