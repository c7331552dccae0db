import { handle } from "@/lib/server/http/api-route";
import { getMapState } from "@/lib/server/map/get-map-state";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => {
  const { teamId, personId, part, at } = query;
  const scope = teamId !== undefined ? { teamId } : personId !== undefined ? { personId } : part;
  return { status: 200, body: await getMapState({ actor, orgSlug: params.orgSlug, scope, at }) };
});
