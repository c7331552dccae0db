import { z } from "zod";
import { EVENT_KINDS } from "@/lib/domain/events";
import { ZBody } from "./map-fields";

export const WEBHOOK_FORMATS = ["standard", "slack"] as const;

const EVENTS_MESSAGE = `"events" lists one or more of ${EVENT_KINDS.join(", ")}.`;

/** A webhook endpoint to register: where, which events, in which form. */
export const ZCreateWebhook = ZBody("a webhook", {
  url: z
    .string({ error: 'Give the endpoint\'s address as "url".' })
    .trim()
    .max(2000, "A URL has at most 2000 characters.")
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
      error: "The URL must be an http:// or https:// address.",
    })
    .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
      error: "The URL must not carry a user name or password.",
    }),
  events: z
    .array(z.enum(EVENT_KINDS, { error: EVENTS_MESSAGE }), { error: EVENTS_MESSAGE })
    .min(1, EVENTS_MESSAGE)
    .transform((events) => [...new Set(events)]),
  format: z.enum(WEBHOOK_FORMATS, { error: '"format" is "standard" or "slack".' }).default("standard"),
});
export type TCreateWebhook = z.infer<typeof ZCreateWebhook>;
