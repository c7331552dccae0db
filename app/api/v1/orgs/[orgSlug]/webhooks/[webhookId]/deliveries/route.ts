import { handle } from "@/lib/server/http/api-route";
import { listDeliveries } from "@/lib/server/webhooks/list-deliveries";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { deliveries: await listDeliveries({ actor, ...params }) },
}));
