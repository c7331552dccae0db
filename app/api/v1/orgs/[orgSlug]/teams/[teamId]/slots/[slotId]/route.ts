import { handle } from "@/lib/server/http/api-route";
import { deleteSlot } from "@/lib/server/slots/delete-slot";
import { getSlot } from "@/lib/server/slots/get-slot";
import { updateSlot } from "@/lib/server/slots/update-slot";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { slot: await getSlot({ actor, ...params }) },
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: { slot: await updateSlot({ actor, ...params, changes: body }) },
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => ({
  status: 200,
  body: { deleted: await deleteSlot({ actor, ...params }) },
}));
