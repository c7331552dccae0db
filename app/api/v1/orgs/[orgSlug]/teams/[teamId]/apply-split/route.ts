import { applyPoPmSplit } from "@/lib/server/assignments/apply-po-pm-split";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params }) => ({
  status: 200,
  body: await applyPoPmSplit({ actor, ...params }),
}));
