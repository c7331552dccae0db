import { suggestPlan } from "@/lib/server/drafts/suggest-plan";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 200,
  body: await suggestPlan({ actor, orgSlug: params.orgSlug, request: body }),
}));
