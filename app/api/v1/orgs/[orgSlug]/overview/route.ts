import { apiRoute, json } from "@/lib/server/http/api-route";
import { readQuery } from "@/lib/server/http/read-query";
import { getOverview } from "@/lib/server/map/get-overview";
import { ZMomentQuery } from "@/lib/validation/journal";

export const GET = apiRoute<{ orgSlug: string }>(async ({ request, actor, params }) =>
  json(await getOverview({ actor, orgSlug: params.orgSlug, at: readQuery(request, ZMomentQuery).at })),
);
