import { suggestPlan } from "@/lib/server/drafts/suggest-plan";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => {
  const answer = await suggestPlan({ actor, orgSlug: params.orgSlug, request: body });
  return answer.draft ? { status: 201, body: answer } : { status: 200, body: answer };
});
