import { handle } from "@/lib/server/http/api-route";
import { getOverview } from "@/lib/server/map/get-overview";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await getOverview({ actor, orgSlug: params.orgSlug, at: query.at }),
}));
