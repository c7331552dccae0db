import "server-only";
import { db } from "@/lib/db";
import { findMentions } from "@/lib/domain/comments";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvents } from "@/lib/server/events/record-events";
import type { TCreateComment } from "@/lib/validation/comments";
import { writeCommentsAccess, type TCommentsCall } from "./comment-access";
import { commentEvents, announceThread } from "./comment-events";
import { findTarget, targetIds, type TTargetIds } from "./comment-target";
import { isForeignKeyViolation } from "@/lib/server/kernel/prisma-errors";
import {
  COMMENT_SELECT,
  commentView,
  THREAD_SELECT,
  threadView,
  type TCommentThreadView,
  type TCommentView,
} from "./comment-view";

const NO_THREAD = "There is no comment thread with this id in this organisation.";

/** The members of `organizationId` that `body` mentions, by id and name. */
export async function mentionedMembers(
  client: Prisma.TransactionClient,
  organizationId: string,
  body: string,
): Promise<{ userId: string; name: string }[]> {
  if (!body.includes("@")) return [];
  const members = await client.membership.findMany({
    where: { organizationId },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const mentionable = members.map(({ user }) => ({ userId: user.id, email: user.email, name: user.name }));
  const ids = findMentions(body, mentionable);
  return ids.map((id) => ({ userId: id, name: mentionable.find((member) => member.userId === id)?.name ?? "" }));
}

/**
 * Writes a comment (Managers and Owners; Viewers while the organisation lets them): the first of a new thread on
 * `target`, or a reply to the thread `threadId` (open or resolved; a reply does not reopen it). Records
 * `comment.created` and a `mention` per member mentioned, in the same transaction; then tells open pages.
 */
export async function createComment({
  actor,
  orgSlug,
  target,
  threadId,
  body,
}: TCommentsCall & TCreateComment): Promise<{ comment: TCommentView; thread: TCommentThreadView }> {
  const access = await writeCommentsAccess({ actor, orgSlug });
  const { organization, author } = access;
  const result = await db
    .$transaction(async (tx) => {
      let ids: TTargetIds;
      if (target) {
        ids = targetIds(target);
      } else {
        // Locked, so that deleting the thread's last comment meanwhile cannot take this reply with it.
        const [thread] = await tx.$queryRaw<TTargetIds[]>`
          SELECT kind, team_id AS "teamId", duty_id AS "dutyId", slot_id AS "slotId", draft_id AS "draftId"
          FROM comment_thread WHERE id = ${threadId ?? ""} AND organization_id = ${organization.id} FOR UPDATE`;
        if (!thread) throw new AppError("invalid_input", NO_THREAD, { threadId: [NO_THREAD] });
        ids = thread;
      }
      const found = await findTarget(tx, organization, ids);
      const thread = target
        ? await tx.commentThread.create({
            data: { organizationId: organization.id, ...ids, authorId: author.userId },
            select: { id: true },
          })
        : { id: threadId ?? "" };
      const mentioned = await mentionedMembers(tx, organization.id, body);
      const comment = await tx.comment.create({
        data: {
          organizationId: organization.id,
          threadId: thread.id,
          authorId: author.userId,
          authorName: author.name,
          body,
          mentionedIds: mentioned.map((member) => member.userId),
        },
        select: COMMENT_SELECT,
      });
      const updated = await tx.commentThread.update({
        where: { id: thread.id },
        data: { lastActivityAt: comment.createdAt },
        select: THREAD_SELECT,
      });
      await recordEvents(
        tx,
        organization.id,
        commentEvents(access, found, { id: comment.id, threadId: thread.id, body, isNew: true }, mentioned),
      );
      return { comment: commentView(comment), thread: threadView(updated) };
    })
    .catch((error: unknown) => {
      // The target (a team, slot, duty or draft) was deleted after it was found.
      if (isForeignKeyViolation(error))
        throw new AppError("conflict", "What this comment is about was deleted meanwhile.");
      throw error;
    });
  await announceThread(access, {
    id: result.thread.id,
    teamId: result.thread.target.teamId,
    draftId: result.thread.target.draftId,
  });
  return result;
}
