import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, requireUserActor, type TOrgAccess } from "@/lib/server/auth/authorize";

/** Who calls a use case of comments, in which organisation. */
export type TCommentsCall = { actor: TActor | null; orgSlug: string };

export const NO_COMMENT = "There is no comment with this id in this organisation.";

export type TCommentAccess = TOrgAccess & { author: { userId: string; name: string } };

/** The live organisation at `orgSlug` for reading comments (any member or token): a draft's are asked of live. */
export async function readCommentsAccess({ actor, orgSlug }: TCommentsCall): Promise<TOrgAccess> {
  const access = await authorize({ actor, orgSlug, permission: "read" });
  if (access.draft) {
    throw new AppError(
      "invalid_input",
      `Comments belong to the live organisation; use /orgs/${access.draft.live.slug}/comments?draftId=${access.draft.id}.`,
    );
  }
  return access;
}

/**
 * The live organisation at `orgSlug` for writing comments: a member who is a person (a comment has an author; API
 * tokens get 403), and a Viewer only while the organisation lets Viewers comment.
 */
export async function writeCommentsAccess(call: TCommentsCall): Promise<TCommentAccess> {
  const access = await readCommentsAccess(call);
  const user = requireUserActor(access.actor);
  if (access.role === "VIEWER") {
    const { viewersMayComment } = await db.organization.findUniqueOrThrow({
      where: { id: access.organization.id },
      select: { viewersMayComment: true },
    });
    if (!viewersMayComment) {
      throw new AppError(
        "forbidden",
        `The Owners of ${access.organization.name} have turned off comments by Viewers (see its settings).`,
      );
    }
  }
  return { ...access, author: { userId: user.userId, name: user.name } };
}
