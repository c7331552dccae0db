import { createDuty } from "@/lib/server/duties/create-duty";
import { listDuties } from "@/lib/server/duties/list-duties";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { ZCreateDuty } from "@/lib/validation/duties";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ duties: await listDuties({ actor, orgSlug: params.orgSlug }) }),
);

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const duty = await createDuty({ actor, orgSlug: params.orgSlug, ...(await readJson(request, ZCreateDuty)) });
  return json({ duty }, 201);
});
