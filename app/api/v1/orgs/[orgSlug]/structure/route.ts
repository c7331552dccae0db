import { handle } from "@/lib/server/http/api-route";
import { getStructure } from "@/lib/server/map/get-structure";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await getStructure({ actor, orgSlug: params.orgSlug, at: query.at }),
}));
