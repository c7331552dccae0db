import { handle } from "@/lib/server/http/api-route";
import { getHealthHistory } from "@/lib/server/journal/get-health-history";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: await getHealthHistory({ actor, orgSlug: params.orgSlug }),
}));
