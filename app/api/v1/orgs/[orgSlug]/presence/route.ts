import { handle } from "@/lib/server/http/api-route";
import { announcePresence } from "@/lib/server/live/announce-presence";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => {
  await announcePresence({ actor, orgSlug: params.orgSlug, ...body });
  return { status: 204 };
});
