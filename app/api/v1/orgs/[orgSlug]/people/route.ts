import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { createPerson } from "@/lib/server/people/create-person";
import { listPeople } from "@/lib/server/people/list-people";
import { ZCreatePerson } from "@/lib/validation/people";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ people: await listPeople({ actor, orgSlug: params.orgSlug }) }),
);

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const person = await createPerson({ actor, orgSlug: params.orgSlug, ...(await readJson(request, ZCreatePerson)) });
  return json({ person }, 201);
});
