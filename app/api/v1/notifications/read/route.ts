import { handle } from "@/lib/server/http/api-route";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, body }) => ({
  status: 200,
  body: await markNotificationsRead({ actor, ...body }),
}));
