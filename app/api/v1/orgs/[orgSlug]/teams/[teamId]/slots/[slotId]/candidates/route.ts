import { handle } from "@/lib/server/http/api-route";
import { listSlotCandidates } from "@/lib/server/slots/list-slot-candidates";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await listSlotCandidates({ actor, ...params, limit: query.limit }),
}));
