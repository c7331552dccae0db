import "server-only";
import { answer, defineOperation, DRAFT_PATH, notFound } from "@/lib/server/http/contract";
import { ZMapAnalysis } from "@/lib/server/map/answers";

export const GET = defineOperation({
  method: "GET",
  path: `${DRAFT_PATH}/analysis`,
  tag: "Drafts",
  summary: "The draft's flags and health (as `GET analysis` on live)",
  access: "read",
  responses: { 200: answer("The analysis.", ZMapAnalysis), 404: notFound("draft") },
});
