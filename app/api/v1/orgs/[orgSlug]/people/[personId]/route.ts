import { deletePerson } from "@/lib/server/people/delete-person";
import { getPerson } from "@/lib/server/people/get-person";
import { updatePerson } from "@/lib/server/people/update-person";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { person: await getPerson({ actor, ...params }) },
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: { person: await updatePerson({ actor, ...params, changes: body }) },
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => ({
  status: 200,
  body: { deleted: await deletePerson({ actor, ...params }) },
}));
