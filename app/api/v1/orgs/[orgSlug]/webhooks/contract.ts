import "server-only";
import { z } from "zod";
import { answer, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZCreatedWebhook, ZWebhook } from "@/lib/server/webhooks/answers";
import { ZCreateWebhook } from "@/lib/validation/webhooks";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/webhooks`,
  tag: "Webhooks",
  summary: "List webhook endpoints",
  description: "Disabled endpoints included, with why; never their secrets.",
  access: "manage_webhooks",
  responses: { 200: answer("Endpoints, newest first.", wrap({ webhooks: z.array(ZWebhook) })) },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/webhooks`,
  tag: "Webhooks",
  summary: "Register a webhook endpoint",
  description:
    "The URL must resolve to public addresses only (400 otherwise, unless the server allows private ones). The " +
    "signing secret is shown only in this answer. See docs/webhooks.md for events, payloads and signatures.",
  access: "manage_webhooks",
  body: ZCreateWebhook,
  responses: { 201: answer("The endpoint with its secret.", wrap({ webhook: ZCreatedWebhook })) },
});
