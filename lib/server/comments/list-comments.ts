import "server-only";
import { db } from "@/lib/db";
import { readCommentsAccess, type TCommentsCall } from "./comment-access";
import { THREAD_SELECT, threadView, type TCommentThreadView } from "./comment-view";

/**
 * The organisation's comment threads with their comments, newest activity first: of one team (its team and cell
 * threads) and/or of one draft (the draft's own and those on cells inside it), or all.
 */
export async function listComments({
  actor,
  orgSlug,
  teamId,
  draftId,
}: TCommentsCall & { teamId?: string; draftId?: string }): Promise<TCommentThreadView[]> {
  const { organization } = await readCommentsAccess({ actor, orgSlug });
  const rows = await db.commentThread.findMany({
    where: {
      organizationId: organization.id,
      ...(teamId !== undefined ? { teamId } : {}),
      ...(draftId !== undefined ? { draftId } : {}),
    },
    select: THREAD_SELECT,
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
  });
  return rows.map(threadView);
}
