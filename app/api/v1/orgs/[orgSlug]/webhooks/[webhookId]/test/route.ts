import { handle } from "@/lib/server/http/api-route";
import { sendTestEvent } from "@/lib/server/webhooks/send-test-event";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params }) => ({
  status: 202,
  body: { delivery: await sendTestEvent({ actor, ...params }) },
}));
