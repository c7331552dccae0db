import "server-only";
import { z } from "zod";
import { answer, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZRemitMap, ZRuleSetting } from "@/lib/server/map/answers";
import { ZMapStateQuery } from "@/lib/validation/analysis";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/state`,
  tag: "Map",
  summary: "The whole map with ids and versions",
  description:
    "Everything the browser's screens work on: people, teams, slots, duties and assignments. At most one of " +
    "three parameters narrows it to what one screen needs, a small part of a large map. `teamId` (an id or " +
    "key): the team with its slots and assignments, every duty, its holders, and the other slots (with their " +
    "teams, without their assignments) that they fill, so that analysing it gives the team's flags. " +
    "`personId` (an id or key): the person, the slots they hold with those slots' teams and assignments, and " +
    "every duty. `part=people`: people, teams and slots, without duties or assignments. `part=roster`: " +
    "people only. `part=duties`: the duties only, with `dutyUsage`, how much each is used in the whole map. " +
    "With `part=people`, any of `find` (text in a name or email, any case), `overloaded=true` (only people over " +
    "capacity), `offset` and `limit` (1 to 100) make it a page of the people directory: the matching people by " +
    "name, with the slots they hold and those slots' teams, and `peopleCounts`. " +
    "With `at` (an ISO date and time in the past), the map as it was then, rebuilt from the " +
    "journal; it combines with the others.",
  access: "read",
  query: ZMapStateQuery,
  responses: {
    200: answer(
      "The map, and the moment it shows.",
      wrap({
        map: ZRemitMap,
        rules: z.array(ZRuleSetting).meta({
          description: "The organisation's rules (today's, also with `at`), which the browser analyses with.",
        }),
        dutyUsage: z
          .record(
            z.string(),
            z.object({
              assignments: z.number().int().meta({ description: "Its assignments, at any level, in every team." }),
              teams: z.number().int().meta({ description: "The teams where some slot has it." }),
            }),
          )
          .optional()
          .meta({
            description:
              "With `part=duties`: how much each duty is used in the whole map, by duty id (a duty nobody has is left out).",
          }),
        peopleCounts: z
          .strictObject({
            total: z.number().int().meta({ description: "Everyone in the organisation." }),
            matching: z.number().int().meta({ description: "The people `find` and `overloaded` match." }),
            overloaded: z.number().int().meta({ description: "Everyone over capacity, matching or not." }),
          })
          .optional()
          .meta({ description: "With a page of the people directory: how many people there are and match." }),
        loadedAt: z.number().meta({
          description:
            "The moment the answer shows (for `at`, that moment), in milliseconds since 1970, server time: a client may count it as fresh from then.",
        }),
      }),
    ),
    404: notFound("team or person"),
  },
});
