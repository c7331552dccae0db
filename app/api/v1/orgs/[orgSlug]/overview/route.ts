import { apiRoute, json } from "@/lib/server/http/api-route";
import { getOverview } from "@/lib/server/map/get-overview";

export const GET = apiRoute<{ orgSlug: string }>(async ({ actor, params }) =>
  json(await getOverview({ actor, orgSlug: params.orgSlug })),
);
