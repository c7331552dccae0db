import { handle } from "@/lib/server/http/api-route";
import { getMapState } from "@/lib/server/map/get-map-state";
import { mapScopeOf } from "@/lib/validation/analysis";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => {
  const scope = mapScopeOf(query);
  return { status: 200, body: await getMapState({ actor, orgSlug: params.orgSlug, scope, at: query.at }) };
});
