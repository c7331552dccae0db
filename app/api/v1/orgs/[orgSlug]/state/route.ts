import { apiRoute, json } from "@/lib/server/http/api-route";
import { getMapState } from "@/lib/server/map/get-map-state";

export const GET = apiRoute<{ orgSlug: string }>(async ({ actor, params }) =>
  json(await getMapState({ actor, orgSlug: params.orgSlug })),
);
