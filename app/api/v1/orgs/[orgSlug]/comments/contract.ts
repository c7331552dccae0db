import "server-only";
import { z } from "zod";
import { ZComment, ZCommentThread } from "@/lib/server/comments/answers";
import { answer, conflict, defineOperation, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZCommentsQuery, ZCreateComment } from "@/lib/validation/comments";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/comments`,
  tag: "Comments",
  summary: "List comment threads",
  description:
    "The live organisation's threads with their comments, newest activity first. `teamId` keeps a team's threads " +
    "(on the team and its cells); `draftId` a draft's (on the draft and cells inside it); both narrow together.",
  access: "read",
  query: ZCommentsQuery,
  responses: { 200: answer("The threads.", wrap({ threads: z.array(ZCommentThread) })) },
});

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/comments`,
  tag: "Comments",
  summary: "Write a comment",
  description:
    'Either `{ target, body }` starts a thread on `target`: `{ kind: "team", teamId }`, `{ kind: "cell", teamId, ' +
    "dutyId, slotId }` (with `draftId` for a cell inside a draft, whose ids are then the draft's) or `{ kind: " +
    '"draft", draftId }`; or `{ threadId, body }` replies to a thread (a resolved thread stays resolved). `body` is ' +
    "plain text (1 to 5000 characters, never rendered as markup); `@` followed by a member's email or full name " +
    "(case-insensitive, the longest match) mentions them. Managers and Owners may comment, Viewers too unless the " +
    "organisation's setting `viewersMayComment` is off (403); a person only, not an API token. Sends " +
    "`comment.created` and a `mention` event per member mentioned.",
  access: "user:read",
  body: ZCreateComment,
  responses: {
    201: answer("The comment, and its thread as it is now.", wrap({ comment: ZComment, thread: ZCommentThread })),
    409: conflict("What the comment is about (or its thread) was deleted meanwhile."),
  },
});
