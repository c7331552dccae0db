import { draftSlug } from "@/lib/server/drafts/drafts";
import { apiRoute, json } from "@/lib/server/http/api-route";
import { getMapAnalysis } from "@/lib/server/map/get-map-analysis";

type TParams = { orgSlug: string; draftId: string };

/** The draft's analysis: the same as `GET analysis` on live. */
export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json(await getMapAnalysis({ actor, orgSlug: await draftSlug({ actor, ...params }) })),
);
