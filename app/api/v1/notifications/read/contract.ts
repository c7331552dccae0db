import "server-only";
import { answer, defineOperation } from "@/lib/server/http/contract";
import { ZUnread } from "@/lib/server/notifications/answers";
import { ZMarkNotificationsRead } from "@/lib/validation/notifications";

export const POST = defineOperation({
  method: "POST",
  path: "/api/v1/notifications/read",
  tag: "Notifications",
  summary: "Mark notifications read",
  description:
    '`{ "ids": [...] }` marks those of the caller\'s notifications read (ids of none of theirs change nothing); ' +
    '`{ "all": true }` marks every one. Answers how many are still unread.',
  access: "user",
  body: ZMarkNotificationsRead,
  responses: { 200: answer("How many are unread now.", ZUnread) },
});
