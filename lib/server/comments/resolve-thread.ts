import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { NO_COMMENT, writeCommentsAccess } from "./comment-access";
import { announceThread } from "./comment-events";
import { THREAD_SELECT, threadView, type TCommentThreadView } from "./comment-view";
import type { TCommentCall } from "./change-comment";

/**
 * Resolves (or, `isResolved` false, reopens) the thread of the comment `commentId`: Managers, Owners and whoever
 * started the thread. Resolving a resolved thread (or reopening an open one) changes nothing.
 */
export async function setThreadResolved({
  actor,
  orgSlug,
  commentId,
  isResolved,
}: TCommentCall & { isResolved: boolean }): Promise<TCommentThreadView> {
  const access = await writeCommentsAccess({ actor, orgSlug });
  const comment = await db.comment.findFirst({
    where: { id: commentId, organizationId: access.organization.id },
    select: { thread: { select: { id: true, authorId: true } } },
  });
  if (!comment) throw new AppError("not_found", NO_COMMENT);
  const { thread } = comment;
  if (!can(access.role, "edit_map") && thread.authorId !== access.author.userId) {
    throw new AppError(
      "forbidden",
      `Only Managers, Owners and whoever started the thread can ${isResolved ? "resolve" : "reopen"} it.`,
    );
  }
  const now = new Date();
  // Only while the thread is as it was read (still there, in the other state): a second resolve changes nothing.
  await db.commentThread.updateMany({
    where: { id: thread.id, resolvedAt: isResolved ? null : { not: null } },
    data: isResolved
      ? { resolvedAt: now, resolvedById: access.author.userId, resolvedByName: access.author.name, lastActivityAt: now }
      : { resolvedAt: null, resolvedById: null, resolvedByName: null, lastActivityAt: now },
  });
  const row = await db.commentThread.findUnique({ where: { id: thread.id }, select: THREAD_SELECT });
  if (!row) throw new AppError("not_found", NO_COMMENT);
  const view = threadView(row);
  await announceThread(access, { id: view.id, teamId: view.target.teamId, draftId: view.target.draftId });
  return view;
}
