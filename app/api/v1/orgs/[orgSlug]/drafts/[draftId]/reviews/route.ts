import { reviewDraft } from "@/lib/server/drafts/review-draft";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: await reviewDraft({ actor, ...params, decision: body.decision, comment: body.comment ?? null }),
}));
