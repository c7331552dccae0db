import "server-only";
import { answer, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZWebhookDelivery } from "@/lib/server/webhooks/answers";

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/webhooks/{webhookId}/test`,
  tag: "Webhooks",
  summary: "Send a test event",
  description:
    "Queues a `webhook.test` event to this endpoint, signed and retried like any other; a disabled endpoint is " +
    "enabled again. Its delivery log shows how it went.",
  access: "manage_webhooks",
  responses: { 202: answer("The delivery, queued.", wrap({ delivery: ZWebhookDelivery })), 404: notFound("webhook") },
});
