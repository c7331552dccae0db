import { apiRoute, json } from "@/lib/server/http/api-route";
import { readQuery } from "@/lib/server/http/read-query";
import { getMapState } from "@/lib/server/map/get-map-state";
import { ZMapStateQuery } from "@/lib/validation/analysis";

export const GET = apiRoute<{ orgSlug: string }>(async ({ request, actor, params }) => {
  const { teamId, personId, part, at } = readQuery(request, ZMapStateQuery);
  const scope = teamId !== undefined ? { teamId } : personId !== undefined ? { personId } : part;
  return json(await getMapState({ actor, orgSlug: params.orgSlug, scope, at }));
});
