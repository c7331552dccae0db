import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ZComment, ZCommentThread } from "./answers";

export type TCommentView = z.infer<typeof ZComment>;
export type TCommentThreadView = z.infer<typeof ZCommentThread>;

export const COMMENT_SELECT = {
  id: true,
  threadId: true,
  authorId: true,
  authorName: true,
  body: true,
  mentionedIds: true,
  createdAt: true,
  editedAt: true,
} as const satisfies Prisma.CommentSelect;

export const THREAD_SELECT = {
  id: true,
  kind: true,
  teamId: true,
  dutyId: true,
  slotId: true,
  draftId: true,
  authorId: true,
  resolvedAt: true,
  resolvedById: true,
  resolvedByName: true,
  lastActivityAt: true,
  createdAt: true,
  comments: { select: COMMENT_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.CommentThreadSelect;

type TCommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_SELECT }>;
type TThreadRow = Prisma.CommentThreadGetPayload<{ select: typeof THREAD_SELECT }>;

export function commentView(row: TCommentRow): TCommentView {
  return {
    id: row.id,
    threadId: row.threadId,
    author: { id: row.authorId, name: row.authorName },
    body: row.body,
    mentions: row.mentionedIds,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

export function threadView(row: TThreadRow): TCommentThreadView {
  return {
    id: row.id,
    target: {
      kind: row.kind as TCommentThreadView["target"]["kind"],
      teamId: row.teamId,
      dutyId: row.dutyId,
      slotId: row.slotId,
      draftId: row.draftId,
    },
    startedBy: { id: row.authorId },
    status: row.resolvedAt ? "resolved" : "open",
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedAt ? { id: row.resolvedById, name: row.resolvedByName ?? "" } : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    comments: row.comments.map(commentView),
  };
}
