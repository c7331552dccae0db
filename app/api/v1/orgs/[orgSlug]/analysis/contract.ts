import "server-only";
import { answer, defineOperation, notFound, ORG_PATH } from "@/lib/server/http/contract";
import { ZMapAnalysis } from "@/lib/server/map/answers";
import { ZAnalysisQuery } from "@/lib/validation/analysis";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/analysis`,
  tag: "Map",
  summary: "Analyse the map: gaps, overlaps, counts and health scores",
  description:
    "With `teamId` (an id or key), the same shape narrowed to that team. With `at`, the map as it was at a past " +
    "moment, or as it will be at a future one (live with the drafts scheduled to publish by then).",
  access: "read",
  query: ZAnalysisQuery,
  responses: { 200: answer("The analysis.", ZMapAnalysis), 404: notFound("team") },
});
