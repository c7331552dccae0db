import { handle } from "@/lib/server/http/api-route";
import { getTimeline } from "@/lib/server/journal/get-timeline";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await getTimeline({ actor, orgSlug: params.orgSlug, from: query.from, to: query.to }),
}));
