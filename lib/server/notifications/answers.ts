import "server-only";
import { z } from "zod";
import { EMAIL_MODES, NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import { named, ZDateTime } from "@/lib/server/http/contract";

// What the notification routes answer.

export const ZNotification = named(
  "Notification",
  z.strictObject({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    sentence: z.string().meta({ description: "What happened, in one sentence (plain text)." }),
    organization: z.strictObject({ id: z.string(), slug: z.string(), name: z.string() }),
    draft: z
      .strictObject({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: "The draft it happened in, when it did." }),
    url: z.string().meta({ description: "The screen that shows it (absolute, from AUTH_URL)." }),
    path: z.string().meta({ description: "The same screen's path on this server." }),
    createdAt: ZDateTime,
    readAt: ZDateTime.nullable(),
  }),
);

export const ZNotificationsPage = z.strictObject({
  notifications: z.array(ZNotification).meta({ description: "Newest first." }),
  unread: z.number().int().meta({ description: "How many of the caller's notifications are unread, in all." }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
});

export const ZUnread = z.strictObject({
  unread: z.number().int().meta({ description: "How many are unread now." }),
});

export const ZNotificationSettings = named(
  "NotificationSettings",
  z.strictObject({
    emailAvailable: z.boolean().meta({ description: "False when this server has no SMTP_URL: nothing is emailed." }),
    address: z.string().meta({ description: "Where emails go: the caller's email address." }),
    kinds: z
      .array(
        z.strictObject({
          kind: z.enum(NOTIFICATION_KINDS),
          label: z.string(),
          email: z.enum(EMAIL_MODES),
        }),
      )
      .meta({ description: "Each kind's email mode. The in-app inbox always receives every kind." }),
  }),
);
