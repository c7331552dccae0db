import { apiRoute, json } from "@/lib/server/http/api-route";
import { getHealthHistory } from "@/lib/server/journal/get-health-history";

export const GET = apiRoute<{ orgSlug: string }>(async ({ actor, params }) =>
  json(await getHealthHistory({ actor, orgSlug: params.orgSlug })),
);
