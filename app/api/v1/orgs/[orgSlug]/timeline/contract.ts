import "server-only";
import { answer, defineOperation, ORG_PATH } from "@/lib/server/http/contract";
import { ZTimeline } from "@/lib/server/journal/answers";
import { ZTimelineQuery } from "@/lib/validation/journal";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/timeline`,
  tag: "Map",
  summary: "What happened and what is coming: actions and scheduled publishes, with the flags each changes",
  description:
    "Between `from` and `to` (by default the last 30 days and the next 90), oldest first: the journal's most " +
    "recent actions (at most 20, each with the flags it resolved and introduced, judged by today's rules) and " +
    "notes, and the drafts scheduled to publish (each with the flags it will resolve and introduce on the map as " +
    "the publishes before it leave it, or the conflicts that will make it refused).",
  access: "read",
  query: ZTimelineQuery,
  responses: { 200: answer("The timeline.", ZTimeline) },
});
