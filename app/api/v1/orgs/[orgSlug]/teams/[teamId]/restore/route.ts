import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { restoreTeam } from "@/lib/server/journal/restore-team";
import { ZRestoreTeam } from "@/lib/validation/journal";

type TParams = { orgSlug: string; teamId: string };

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const { at } = await readJson(request, ZRestoreTeam);
  return json(await restoreTeam({ actor, ...params, at }));
});
