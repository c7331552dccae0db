import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { createTeam } from "@/lib/server/teams/create-team";
import { listTeams } from "@/lib/server/teams/list-teams";
import { ZCreateTeam } from "@/lib/validation/teams";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ teams: await listTeams({ actor, orgSlug: params.orgSlug }) }),
);

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const team = await createTeam({ actor, orgSlug: params.orgSlug, ...(await readJson(request, ZCreateTeam)) });
  return json({ team }, 201);
});
