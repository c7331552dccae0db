import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvents } from "@/lib/server/events/record-events";
import { NO_COMMENT, writeCommentsAccess, type TCommentAccess, type TCommentsCall } from "./comment-access";
import { announceThread, commentEvents } from "./comment-events";
import { findTarget } from "./comment-target";
import { COMMENT_SELECT, commentView, type TCommentView } from "./comment-view";
import { mentionedMembers } from "./create-comment";

export type TCommentCall = TCommentsCall & { commentId: string };

const THREAD_TARGET = { id: true, kind: true, teamId: true, dutyId: true, slotId: true, draftId: true } as const;

/** The caller's own comment `commentId`, locked in `tx`: 404 when the organisation has none, 403 when another's. */
async function ownComment(tx: Prisma.TransactionClient, access: TCommentAccess, commentId: string, verb: string) {
  // The thread first, then the comment, as a reply locks them: a deletion and a reply wait for each other.
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM comment_thread t JOIN comment c ON c.thread_id = t.id
    WHERE c.id = ${commentId} AND c.organization_id = ${access.organization.id} FOR UPDATE OF t`;
  const comment = locked
    ? await tx.comment.findFirst({
        where: { id: commentId, organizationId: access.organization.id },
        select: { ...COMMENT_SELECT, thread: { select: THREAD_TARGET } },
      })
    : null;
  if (!comment) throw new AppError("not_found", NO_COMMENT);
  if (comment.authorId !== access.author.userId) {
    throw new AppError("forbidden", `Only its author can ${verb} a comment; this one is ${comment.authorName}'s.`);
  }
  return comment;
}

/**
 * Changes the text of one's own comment. Members it mentions now and did not before get a `mention` event;
 * no second `comment.created`.
 */
export async function editComment({
  actor,
  orgSlug,
  commentId,
  body,
}: TCommentCall & { body: string }): Promise<TCommentView> {
  const access = await writeCommentsAccess({ actor, orgSlug });
  const { comment, thread } = await db.$transaction(async (tx) => {
    const before = await ownComment(tx, access, commentId, "edit");
    const mentioned = await mentionedMembers(tx, access.organization.id, body);
    const edited = await tx.comment.update({
      where: { id: before.id },
      data: { body, editedAt: new Date(), mentionedIds: mentioned.map((member) => member.userId) },
      select: COMMENT_SELECT,
    });
    const fresh = mentioned.filter((member) => !before.mentionedIds.includes(member.userId));
    if (fresh.length > 0) {
      const target = await findTarget(tx, access.organization, {
        ...before.thread,
        kind: before.thread.kind as "team" | "cell" | "draft",
      });
      await recordEvents(
        tx,
        access.organization.id,
        commentEvents(access, target, { id: edited.id, threadId: edited.threadId, body, isNew: false }, fresh),
      );
    }
    return { comment: commentView(edited), thread: before.thread };
  });
  await announceThread(access, thread);
  return comment;
}

/** Deletes one's own comment; a thread left without comments goes with it. */
export async function deleteComment({ actor, orgSlug, commentId }: TCommentCall): Promise<void> {
  const access = await writeCommentsAccess({ actor, orgSlug });
  const thread = await db.$transaction(async (tx) => {
    const comment = await ownComment(tx, access, commentId, "delete");
    await tx.comment.delete({ where: { id: comment.id } });
    const left = await tx.comment.count({ where: { threadId: comment.threadId } });
    if (left === 0) await tx.commentThread.delete({ where: { id: comment.threadId } });
    return comment.thread;
  });
  await announceThread(access, thread);
}
