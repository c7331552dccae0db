"use client";

import { useState } from "react";
import { useComments } from "@/lib/client/comments";
import { openThreadsLabel, type TCommentRights } from "@/lib/domain/comments";
import { LazyCommentThreads as CommentThreads } from "./lazy-comment-threads";
import { CommentsDialog } from "./comments-dialog";

type TDraftCommentsProps = {
  /** The page's organisation (the draft's workspace, or live on the comparison): its event stream reloads them. */
  orgId: string;
  liveSlug: string;
  draft: { id: string; name: string };
  rights: TCommentRights;
  userId: string;
  /** In the page (the comparison), or behind a button that opens the panel (the draft's banner). */
  isInline?: boolean;
};

/** The threads on a draft as a whole (those on its cells are on its team pages). */
export function DraftComments({ orgId, liveSlug, draft, rights, userId, isInline = false }: TDraftCommentsProps) {
  const [isOpen, setIsOpen] = useState(false);
  const place = { orgId, liveSlug };
  const { data } = useComments(place, { draftId: draft.id });
  const threads = (data ?? []).filter((thread) => thread.target.kind === "draft");
  const open = threads.filter((thread) => thread.status === "open").length;
  const list = (
    <CommentThreads
      place={place}
      threads={threads}
      newThread={{ kind: "draft", draftId: draft.id }}
      rights={rights}
      userId={userId}
    />
  );
  if (isInline) {
    return (
      <section aria-labelledby="draft-comments" className="space-y-3">
        <h2 id="draft-comments" className="text-lg font-semibold">
          Comments on this draft{" "}
          <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({openThreadsLabel(open)})</span>
        </h2>
        {list}
      </section>
    );
  }
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setIsOpen(true)}
        className="rounded font-medium underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700"
      >
        Comments on the draft ({open} open)
      </button>
      <CommentsDialog title={`Comments on the draft “${draft.name}”`} isOpen={isOpen} onClose={() => setIsOpen(false)}>
        {list}
      </CommentsDialog>
    </>
  );
}
