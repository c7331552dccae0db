import { handle } from "@/lib/server/http/api-route";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, query }) => ({
  status: 200,
  body: await listNotifications({ actor, ...query }),
}));
