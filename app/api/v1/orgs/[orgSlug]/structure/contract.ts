import "server-only";
import { z } from "zod";
import { answer, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZPackedStructure } from "@/lib/server/map/answers";
import { ZMomentQuery } from "@/lib/validation/journal";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/structure`,
  tag: "Map",
  summary:
    "The organisation as a picture: teams by group with their slots, holders and health, and the people they share",
  description:
    "What the structure view draws, with its layout (laid out by ELK on the server, kept until the map changes): " +
    "each team's card and group's box, and the pairs of teams that share people, weighted by the time they share. " +
    "Packed column by column so that it stays small for 1,000 teams. With `at` (an ISO date and time), the map as " +
    "it was then, or as it will be with the drafts scheduled by then.",
  access: "read",
  query: ZMomentQuery,
  responses: {
    200: answer(
      "The structure, and the moment it shows.",
      wrap({
        structure: ZPackedStructure,
        loadedAt: z.number().meta({
          description:
            "The moment the answer shows (for `at`, that moment), in milliseconds since 1970, server time: a client may count it as fresh from then.",
        }),
      }),
    ),
  },
});
