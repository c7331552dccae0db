import "server-only";
import { ZCommentThread } from "@/lib/server/comments/answers";
import { answer, defineOperation, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";

export const POST = defineOperation({
  method: "POST",
  path: `${ORG_PATH}/comments/{commentId}/resolve`,
  tag: "Comments",
  summary: "Resolve a comment's thread",
  description:
    "Marks the thread resolved, with who and when; resolving a resolved thread changes nothing. Any comment of the thread names it. Managers, Owners and whoever started the thread may (403 otherwise).",
  access: "user:read",
  responses: { 200: answer("The thread.", wrap({ thread: ZCommentThread })), 404: notFound("comment") },
});
