import "server-only";
import { z } from "zod";
import { answer, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZOverview } from "@/lib/server/map/answers";
import { ZMomentQuery } from "@/lib/validation/journal";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/overview`,
  tag: "Map",
  summary: "The organisation at a glance: per team, its health, its flags and who is accountable for each duty",
  description:
    "What the overview page shows, computed on the server so that it stays small for 1,000 teams. Rows come in " +
    "no particular order. With `at` (an ISO date and time), the overview as it was then, rebuilt from the " +
    "journal, or, for a moment to come, as it will be: live with the drafts scheduled to publish by then.",
  access: "read",
  query: ZMomentQuery,
  responses: {
    200: answer(
      "The overview, and the moment it shows.",
      wrap({
        overview: ZOverview,
        loadedAt: z.number().meta({
          description:
            "The moment the answer shows (for `at`, that moment), in milliseconds since 1970, server time: a client may count it as fresh from then.",
        }),
      }),
    ),
  },
});
