import { handle } from "@/lib/server/http/api-route";
import { getMapAnalysis } from "@/lib/server/map/get-map-analysis";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await getMapAnalysis({ actor, orgSlug: params.orgSlug, teamId: query.teamId, at: query.at }),
}));
