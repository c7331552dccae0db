import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { deleteTeam } from "@/lib/server/teams/delete-team";
import { getTeam } from "@/lib/server/teams/get-team";
import { updateTeam } from "@/lib/server/teams/update-team";
import { ZUpdateTeam } from "@/lib/validation/teams";

type TParams = { orgSlug: string; teamId: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => json({ team: await getTeam({ actor, ...params }) }));

export const PATCH = apiRoute<TParams>(async ({ request, actor, params }) => {
  const changes = await readJson(request, ZUpdateTeam);
  return json({ team: await updateTeam({ actor, ...params, changes }) });
});

export const DELETE = apiRoute<TParams>(async ({ actor, params }) =>
  json({ deleted: await deleteTeam({ actor, ...params }) }),
);
