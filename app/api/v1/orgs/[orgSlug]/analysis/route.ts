import { apiRoute, json } from "@/lib/server/http/api-route";
import { readQuery } from "@/lib/server/http/read-query";
import { getMapAnalysis } from "@/lib/server/map/get-map-analysis";
import { ZAnalysisQuery } from "@/lib/validation/analysis";

export const GET = apiRoute<{ orgSlug: string }>(async ({ request, actor, params }) => {
  const { teamId } = readQuery(request, ZAnalysisQuery);
  return json(await getMapAnalysis({ actor, orgSlug: params.orgSlug, teamId }));
});
