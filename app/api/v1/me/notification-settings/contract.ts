import "server-only";
import { answer, defineOperation } from "@/lib/server/http/contract";
import { ZNotificationSettings } from "@/lib/server/notifications/answers";
import { ZUpdateNotificationSettings } from "@/lib/validation/notifications";

export const GET = defineOperation({
  method: "GET",
  path: "/api/v1/me/notification-settings",
  tag: "Notifications",
  summary: "How the caller's notifications are emailed",
  description:
    "For each kind: `instant` (an email at once), `daily` (in one digest a day, at 07:00 UTC) or `off`. The in-app " +
    "inbox always receives every kind. `emailAvailable` is false when the server has no SMTP_URL: then nothing is " +
    "emailed, whatever the settings say.",
  access: "user",
  responses: { 200: answer("The settings.", ZNotificationSettings) },
});

export const PATCH = defineOperation({
  method: "PATCH",
  path: "/api/v1/me/notification-settings",
  tag: "Notifications",
  summary: "Change how the caller's notifications are emailed",
  description:
    '`{ "email": { "<kind>": "instant" | "daily" | "off" } }`: the kinds named change, the others keep theirs.',
  access: "user",
  body: ZUpdateNotificationSettings,
  responses: { 200: answer("The settings now.", ZNotificationSettings) },
});
