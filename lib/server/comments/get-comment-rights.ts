import "server-only";
import { db } from "@/lib/db";
import { commentRights, type TCommentRights } from "@/lib/domain/comments";
import { readCommentsAccess, type TCommentsCall } from "./comment-access";

/**
 * What the caller may do with the comments of the live organisation at `orgSlug` (a draft's comments are its live
 * organisation's), for a screen to offer only that; the API checks every write again.
 */
export async function getCommentRights(call: TCommentsCall): Promise<TCommentRights> {
  const access = await readCommentsAccess(call);
  const { viewersMayComment } = await db.organization.findUniqueOrThrow({
    where: { id: access.organization.id },
    select: { viewersMayComment: true },
  });
  return commentRights(access.role, viewersMayComment, access.actor.kind === "user");
}
