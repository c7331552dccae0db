import { z } from "zod";
import { EMAIL_MODES, NOTIFICATION_KINDS, type TEmailMode, type TNotificationKind } from "@/lib/domain/notifications";
import { canBeStored, ZBody } from "./map-fields";

const CURSOR = `"cursor" must be the nextCursor of an earlier page.`;

/** `GET /api/v1/notifications` query: the page. */
export const ZNotificationsQuery = z.object({
  cursor: z.string().trim().min(1, CURSOR).max(100, CURSOR).refine(canBeStored, CURSOR).optional(),
  limit: z.coerce
    .number({ error: `"limit" must be a number from 1 to 100.` })
    .int(`"limit" must be a whole number from 1 to 100.`)
    .min(1, `"limit" must be from 1 to 100.`)
    .max(100, `"limit" must be from 1 to 100.`)
    .default(30),
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

const IDS = `"ids" is a list of 1 to 100 notification ids.`;

/** `POST /api/v1/notifications/read`: these notifications, or (`all: true`) every one. */
export const ZMarkNotificationsRead = ZBody("a read marking", {
  ids: z
    .array(z.string({ error: IDS }).min(1, IDS).max(100, IDS).refine(canBeStored, IDS), { error: IDS })
    .min(1, IDS)
    .max(100, IDS)
    .optional(),
  all: z.literal(true, { error: `"all" can only be true (every notification read).` }).optional(),
}).refine((body) => (body.ids === undefined) !== (body.all === undefined), {
  message: `Send "ids" (the notifications read) or "all": true, one of the two.`,
  path: ["ids"],
});
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsRead>;

const MODE = `Each kind's email is "instant" (at once), "daily" (in the daily digest) or "off".`;

/** `PATCH /api/v1/me/notification-settings`: the kinds to change, each to its email mode. */
export const ZUpdateNotificationSettings = ZBody("notification settings", {
  email: ZBody(
    "the email settings",
    Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [kind, z.enum(EMAIL_MODES, { error: MODE }).optional()]),
    ) as Record<TNotificationKind, z.ZodOptional<z.ZodEnum<{ [K in TEmailMode]: K }>>>,
  ),
});
export type TUpdateNotificationSettings = z.infer<typeof ZUpdateNotificationSettings>;
