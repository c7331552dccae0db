import "server-only";
import { z } from "zod";
import { EVENT_KINDS } from "@/lib/domain/events";
import { named, ZDateTime } from "@/lib/server/http/contract";
import { WEBHOOK_FORMATS } from "@/lib/validation/webhooks";

// What the webhook routes answer.

export const ZWebhook = named(
  "Webhook",
  z.strictObject({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(EVENT_KINDS)),
    format: z.enum(WEBHOOK_FORMATS),
    createdBy: z.string(),
    createdAt: ZDateTime,
    lastSuccessAt: ZDateTime.nullable(),
    disabledAt: ZDateTime.nullable().meta({
      description: "Set when the endpoint kept failing and was disabled: nothing more is sent to it.",
    }),
    disabledReason: z.string().nullable(),
  }),
);

export const ZCreatedWebhook = named(
  "CreatedWebhook",
  ZWebhook.extend({
    secret: z.string().meta({
      description:
        "The signing secret, `whsec_` and base64, for the receiver's Standard Webhooks library; shown only now.",
    }),
  }),
);

export const ZWebhookDelivery = named(
  "WebhookDelivery",
  z.strictObject({
    id: z.string().meta({ description: "The `webhook-id` header of every attempt." }),
    eventId: z.string(),
    kind: z.string(),
    status: z.enum(["pending", "retrying", "succeeded", "failed"]),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable().meta({ description: "The latest attempt's HTTP status, if any." }),
    responseExcerpt: z
      .string()
      .nullable()
      .meta({ description: "The start of the latest answer, or why there was none (timeout, refused address)." }),
    durationMs: z.number().int().nullable(),
    createdAt: ZDateTime,
    lastAttemptAt: ZDateTime.nullable(),
  }),
);
