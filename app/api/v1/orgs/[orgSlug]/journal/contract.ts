import "server-only";
import { answer, defineOperation, ORG_PATH } from "@/lib/server/http/contract";
import { ZJournalPage } from "@/lib/server/journal/answers";
import { ZJournalQuery } from "@/lib/validation/journal";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/journal`,
  tag: "Journal",
  summary: "The map's history: who changed what, when, newest first",
  description:
    "One group per action (a cell set, an import, an undo), each with a sentence and the rows it changed, " +
    "before and after. Filters combine: `teamId` and `personId` (ids or keys; the id of something deleted " +
    "works too), `actorId` (a user's or API token's id), `kind` (what kind of row changed), `action`, and " +
    "`from`/`to` (ISO dates and times, inclusive). Pages hold `limit` groups (default 25, at most 100); pass " +
    "`nextCursor` as `cursor` for the next one. The journal is append-only.",
  access: "read",
  query: ZJournalQuery,
  responses: { 200: answer("A page of the journal.", ZJournalPage) },
});
