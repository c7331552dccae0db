import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { deletePerson } from "@/lib/server/people/delete-person";
import { getPerson } from "@/lib/server/people/get-person";
import { updatePerson } from "@/lib/server/people/update-person";
import { ZUpdatePerson } from "@/lib/validation/people";

type TParams = { orgSlug: string; personId: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ person: await getPerson({ actor, ...params }) }),
);

export const PATCH = apiRoute<TParams>(async ({ request, actor, params }) => {
  const changes = await readJson(request, ZUpdatePerson);
  return json({ person: await updatePerson({ actor, ...params, changes }) });
});

export const DELETE = apiRoute<TParams>(async ({ actor, params }) =>
  json({ deleted: await deletePerson({ actor, ...params }) }),
);
