import { handle } from "@/lib/server/http/api-route";
import { restoreTeam } from "@/lib/server/journal/restore-team";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 200,
  body: await restoreTeam({ actor, ...params, at: body.at }),
}));
