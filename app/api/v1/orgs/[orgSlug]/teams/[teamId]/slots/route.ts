import { handle } from "@/lib/server/http/api-route";
import { createSlot } from "@/lib/server/slots/create-slot";
import { listSlots } from "@/lib/server/slots/list-slots";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { slots: await listSlots({ actor, ...params }) },
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: { slot: await createSlot({ actor, ...params, ...body }) },
}));
