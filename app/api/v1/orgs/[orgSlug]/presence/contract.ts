import "server-only";
import { defineOperation, noContent, ORG_PATH } from "@/lib/server/http/contract";
import { ZPresence } from "@/lib/validation/presence";

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/presence`,
  tag: "Live",
  summary: "Say where this browser tab is looking",
  description:
    "Sent by the browser every 5 s and when the page or focused cell changes; announced to the organisation's " +
    "other tabs, never stored.",
  access: "user:read",
  body: ZPresence,
  responses: { 204: noContent("Announced.") },
});
