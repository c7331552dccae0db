import { handle } from "@/lib/server/http/api-route";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import * as contract from "./contract";

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => {
  await deleteWebhook({ actor, ...params });
  return { status: 204 };
});
