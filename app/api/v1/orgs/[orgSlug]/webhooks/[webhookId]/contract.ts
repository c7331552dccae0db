import "server-only";
import { defineOperation, noContent, notFound, ORG_PATH } from "@/lib/server/http/contract";

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/webhooks/{webhookId}`,
  tag: "Webhooks",
  summary: "Delete a webhook endpoint",
  description: "Its delivery log goes with it; deliveries still waiting are not sent.",
  access: "manage_webhooks",
  responses: { 204: noContent("Deleted."), 404: notFound("webhook") },
});
