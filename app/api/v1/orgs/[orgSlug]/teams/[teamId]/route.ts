import { deleteTeam } from "@/lib/server/teams/delete-team";
import { getTeam } from "@/lib/server/teams/get-team";
import { updateTeam } from "@/lib/server/teams/update-team";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { team: await getTeam({ actor, ...params }) },
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: { team: await updateTeam({ actor, ...params, changes: body }) },
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => ({
  status: 200,
  body: { deleted: await deleteTeam({ actor, ...params }) },
}));
