import "server-only";
import { ZDraftComparison } from "@/lib/server/drafts/answers";
import { answer, defineOperation, DRAFT_PATH, notFound } from "@/lib/server/http/contract";
import { ZCompareQuery } from "@/lib/validation/drafts";

export const GET = defineOperation({
  method: "GET",
  path: `${DRAFT_PATH}/compare`,
  tag: "Drafts",
  summary: "What the draft changes compared with live (or another draft), and its effect on flags and health",
  description: "`with` is `live` (the default) or another draft's id.",
  access: "read",
  query: ZCompareQuery,
  responses: { 200: answer("The comparison.", ZDraftComparison), 404: notFound("draft") },
});
