import "server-only";
import { answer, defineOperation } from "@/lib/server/http/contract";
import { ZNotificationsPage } from "@/lib/server/notifications/answers";
import { ZNotificationsQuery } from "@/lib/validation/notifications";

export const GET = defineOperation({
  method: "GET",
  path: "/api/v1/notifications",
  tag: "Notifications",
  summary: "The caller's inbox, newest first",
  description:
    "Notifications of every organisation the caller is a member of, newest first, each with its kind, a sentence, " +
    "its organisation (and draft), a link to the screen and whether it was read; `unread` counts all of them. Pages " +
    "hold `limit` notifications (default 30, at most 100); pass `nextCursor` as `cursor` for the next one. Who " +
    "receives which event is described in docs/notifications.md. People only: API tokens get 403.",
  access: "user",
  query: ZNotificationsQuery,
  responses: { 200: answer("A page of the inbox.", ZNotificationsPage) },
});
