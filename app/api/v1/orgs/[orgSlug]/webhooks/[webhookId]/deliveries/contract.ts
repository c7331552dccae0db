import "server-only";
import { z } from "zod";
import { answer, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZWebhookDelivery } from "@/lib/server/webhooks/answers";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/webhooks/{webhookId}/deliveries`,
  tag: "Webhooks",
  summary: "The endpoint's delivery log",
  description: "Its 100 most recent deliveries, each with its latest attempt: status, answer, duration.",
  access: "manage_webhooks",
  responses: {
    200: answer("Deliveries, newest first.", wrap({ deliveries: z.array(ZWebhookDelivery) })),
    404: notFound("webhook"),
  },
});
