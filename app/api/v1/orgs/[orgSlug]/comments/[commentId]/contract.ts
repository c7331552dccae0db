import "server-only";
import { ZComment } from "@/lib/server/comments/answers";
import { answer, defineOperation, noContent, notFound, ORG_PATH, wrap } from "@/lib/server/http/contract";
import { ZEditComment } from "@/lib/validation/comments";

export const PATCH = defineOperation({
  method: "PATCH",
  path: `${ORG_PATH}/comments/{commentId}`,
  tag: "Comments",
  summary: "Edit one's own comment",
  description:
    "Only its author may (403 for anyone else). Members it newly mentions get a `mention` event; `editedAt` is set.",
  access: "user:read",
  body: ZEditComment,
  responses: { 200: answer("The comment as edited.", wrap({ comment: ZComment })), 404: notFound("comment") },
});

export const DELETE = defineOperation({
  method: "DELETE",
  path: `${ORG_PATH}/comments/{commentId}`,
  tag: "Comments",
  summary: "Delete one's own comment",
  description: "Only its author may (403 for anyone else). A thread left without comments is deleted with it.",
  access: "user:read",
  responses: { 204: noContent("Deleted."), 404: notFound("comment") },
});
