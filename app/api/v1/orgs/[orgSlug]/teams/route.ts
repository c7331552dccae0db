import { handle } from "@/lib/server/http/api-route";
import { createTeam } from "@/lib/server/teams/create-team";
import { listTeams } from "@/lib/server/teams/list-teams";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { teams: await listTeams({ actor, orgSlug: params.orgSlug }) },
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: { team: await createTeam({ actor, orgSlug: params.orgSlug, ...body }) },
}));
