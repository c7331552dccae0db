import { createDuty } from "@/lib/server/duties/create-duty";
import { listDuties } from "@/lib/server/duties/list-duties";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { duties: await listDuties({ actor, orgSlug: params.orgSlug }) },
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: { duty: await createDuty({ actor, orgSlug: params.orgSlug, ...body }) },
}));
