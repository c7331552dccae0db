"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/lib/client/api-error";
import {
  useCommentMutations,
  useMembers,
  type TComment,
  type TCommentThread,
  type TCommentsPlace,
  type TMember,
} from "@/lib/client/comments";
import type { TCommentRights } from "@/lib/domain/comments";
import type { TCommentTarget } from "@/lib/validation/comments";
import { CommentComposer } from "./comment-composer";
import { CommentText } from "./comment-text";

type TThreadsProps = {
  place: TCommentsPlace;
  /** The threads to show (open ones first; resolved ones folded away). */
  threads: readonly TCommentThread[];
  /** What a new thread is about; null when threads cannot be started here (then `noNewThread` says why). */
  newThread: TCommentTarget | null;
  noNewThread?: string;
  rights: TCommentRights;
  userId: string;
  /** A line that says what a thread is about, when the list mixes targets. */
  labelOf?: (thread: TCommentThread) => string | null;
};

const linkButton =
  "rounded text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 dark:text-indigo-300";

/**
 * Comment threads and what one can do with them: write a new thread or reply, edit or delete one's own comments,
 * resolve and reopen (Managers, Owners and whoever started the thread). A Viewer whose organisation has turned their
 * comments off reads them and is told so.
 */
export function CommentThreads({ place, threads, newThread, noNewThread, rights, userId, labelOf }: TThreadsProps) {
  const mutations = useCommentMutations(place);
  const [needsMembers, setNeedsMembers] = useState(false);
  const members = useMembers(place, { enabled: needsMembers && rights.mayWrite }).data ?? [];
  const [deleting, setDeleting] = useState<TComment | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const open = threads.filter((thread) => thread.status === "open");
  const resolved = threads.filter((thread) => thread.status === "resolved");
  const composerProps = { members, onNeedMembers: () => setNeedsMembers(true) };
  const shared = { rights, userId, mutations, composerProps, labelOf, onDelete: setDeleting, onError: setActionError };

  return (
    <div className="space-y-5">
      {rights.isOffForViewers && (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          Comments by Viewers are turned off in this organisation: you can read the threads, not write in them.
        </p>
      )}
      {rights.mayWrite && newThread && (
        <CommentComposer
          label="New thread"
          submitLabel="Start thread"
          {...composerProps}
          onSubmit={(body) => mutations.start.mutateAsync({ target: newThread, body })}
        />
      )}
      {rights.mayWrite && !newThread && noNewThread && (
        <p className="text-sm text-slate-600 dark:text-slate-400">{noNewThread}</p>
      )}
      {actionError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {actionError}
        </p>
      )}
      <section aria-label="Open threads" className="space-y-4">
        {open.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No open threads.</p>
        ) : (
          open.map((thread) => <Thread key={thread.id} thread={thread} {...shared} />)
        )}
      </section>
      {resolved.length > 0 && (
        <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-medium">Resolved threads ({resolved.length})</summary>
          <div className="mt-3 space-y-4">
            {resolved.map((thread) => (
              <Thread key={thread.id} thread={thread} {...shared} />
            ))}
          </div>
        </details>
      )}
      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete your comment?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        isPending={mutations.remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          mutations.remove.mutate(deleting.id, {
            onSuccess: () => setDeleting(null),
            onError: (error) => {
              setDeleting(null);
              setActionError(errorMessage(error, "The comment was not deleted."));
            },
          })
        }
      >
        <p>It leaves the thread for everyone; a thread left without comments goes with it. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

type TThreadProps = {
  thread: TCommentThread;
  rights: TCommentRights;
  userId: string;
  mutations: ReturnType<typeof useCommentMutations>;
  composerProps: { members: readonly TMember[]; onNeedMembers: () => void };
  labelOf?: (thread: TCommentThread) => string | null;
  onDelete: (comment: TComment) => void;
  onError: (message: string | null) => void;
};

/** One thread: its comments oldest first, a reply box, and resolve or reopen where allowed. */
function Thread({ thread, rights, userId, mutations, composerProps, labelOf, onDelete, onError }: TThreadProps) {
  const [isReplying, setIsReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const first = thread.comments[0];
  const label = labelOf?.(thread) ?? null;
  const mayResolve = rights.mayWrite && (rights.mayModerate || (userId !== "" && thread.startedBy.id === userId));
  const isResolved = thread.status === "resolved";
  const name = `Thread by ${first?.author.name ?? "someone"}${label ? `, ${label}` : ""}`;

  return (
    <article
      aria-label={name}
      className={`space-y-3 rounded-lg border p-3 ${isResolved ? "border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60" : "border-slate-200 dark:border-slate-700"}`}
    >
      {label && <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</p>}
      <ol className="space-y-3">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="space-y-1">
            <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600 dark:text-slate-400">
              <span className="text-sm font-semibold text-slate-900 dark:text-slate-100">{comment.author.name}</span>
              <DateTime value={new Date(comment.createdAt)} />
              {comment.editedAt && <span>(edited)</span>}
            </p>
            {editing === comment.id ? (
              <CommentComposer
                label="Edit your comment"
                submitLabel="Save"
                initial={comment.body}
                {...composerProps}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  await mutations.edit.mutateAsync({ commentId: comment.id, body });
                  setEditing(null);
                }}
              />
            ) : (
              <CommentText body={comment.body} />
            )}
            {rights.mayWrite && comment.author.id === userId && editing !== comment.id && (
              <p className="flex gap-3">
                <button type="button" className={linkButton} onClick={() => setEditing(comment.id)}>
                  Edit<span className="sr-only"> your comment</span>
                </button>
                <button type="button" className={linkButton} onClick={() => onDelete(comment)}>
                  Delete<span className="sr-only"> your comment</span>
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
      {isResolved && thread.resolvedBy && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Resolved by {thread.resolvedBy.name}
          {thread.resolvedAt && (
            <>
              {" "}
              <DateTime value={new Date(thread.resolvedAt)} />
            </>
          )}
        </p>
      )}
      {isReplying ? (
        <CommentComposer
          label="Reply"
          submitLabel="Reply"
          {...composerProps}
          onCancel={() => setIsReplying(false)}
          onSubmit={async (body) => {
            await mutations.reply.mutateAsync({ threadId: thread.id, body });
            setIsReplying(false);
          }}
        />
      ) : (
        <p className="flex flex-wrap gap-3">
          {rights.mayWrite && (
            <button type="button" className={linkButton} onClick={() => setIsReplying(true)}>
              Reply
            </button>
          )}
          {mayResolve && first && (
            <button
              type="button"
              className={linkButton}
              disabled={mutations.setResolved.isPending}
              onClick={() => {
                onError(null);
                mutations.setResolved.mutate(
                  { commentId: first.id, isResolved: !isResolved },
                  { onError: (error) => onError(errorMessage(error, "The thread did not change.")) },
                );
              }}
            >
              {isResolved ? "Reopen" : "Resolve"}
            </button>
          )}
        </p>
      )}
    </article>
  );
}
