import { deleteDuty } from "@/lib/server/duties/delete-duty";
import { getDuty } from "@/lib/server/duties/get-duty";
import { updateDuty } from "@/lib/server/duties/update-duty";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { duty: await getDuty({ actor, ...params }) },
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: { duty: await updateDuty({ actor, ...params, changes: body }) },
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => ({
  status: 200,
  body: { deleted: await deleteDuty({ actor, ...params }) },
}));
