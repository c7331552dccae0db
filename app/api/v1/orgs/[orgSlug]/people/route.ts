import { createPerson } from "@/lib/server/people/create-person";
import { listPeople } from "@/lib/server/people/list-people";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { people: await listPeople({ actor, orgSlug: params.orgSlug }) },
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: { person: await createPerson({ actor, orgSlug: params.orgSlug, ...body }) },
}));
