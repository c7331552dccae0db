import { draftSlug } from "@/lib/server/drafts/drafts";
import { handle } from "@/lib/server/http/api-route";
import { getMapAnalysis } from "@/lib/server/map/get-map-analysis";
import * as contract from "./contract";

/** The draft's analysis: the same as `GET analysis` on live. */
export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: await getMapAnalysis({ actor, orgSlug: await draftSlug({ actor, ...params }) }),
}));
