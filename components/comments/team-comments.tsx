"use client";

import { useMemo, useState } from "react";
import { useComments, type TCommentThread } from "@/lib/client/comments";
import { countOpenThreads, openThreadsLabel, type TCommentRights } from "@/lib/domain/comments";
import type { TTeamView } from "@/lib/domain/team-view";
import type { TCommentTarget } from "@/lib/validation/comments";
import { LazyCommentThreads as CommentThreads } from "./lazy-comment-threads";
import { CommentsDialog } from "./comments-dialog";

/** Where a team page's comments are: the live organisation, the draft when the team is a draft's, and one's rights. */
export type TTeamCommentsSetting = { liveSlug: string; draftId: string | null; rights: TCommentRights };

type TPanel = { kind: "team" } | { kind: "cell"; dutyId: string; slotId: string } | null;

/**
 * A team page's comments: one request for all the team's threads (reloaded when the event stream says one changed),
 * the open ones counted per cell for the matrix's markers, and the panel of the team's or a cell's threads.
 */
export function useTeamComments({
  orgId,
  teamId,
  setting,
}: {
  orgId: string;
  teamId: string;
  setting: TTeamCommentsSetting | null;
}) {
  const place = { orgId, liveSlug: setting?.liveSlug ?? "" };
  const filter = setting?.draftId ? { teamId, draftId: setting.draftId } : { teamId };
  const { data: threads } = useComments(place, filter, { enabled: setting !== null });
  const counts = useMemo(() => countOpenThreads(threads ?? []), [threads]);
  const [panel, setPanel] = useState<TPanel>(null);
  return {
    threads: threads ?? [],
    counts,
    panel,
    openTeam: () => setPanel({ kind: "team" }),
    openCell: (dutyId: string, slotId: string) => setPanel({ kind: "cell", dutyId, slotId }),
    close: () => setPanel(null),
  };
}

/** The button in the team's header: how many threads are open on the team and its cells; it opens them all. */
export function TeamCommentsButton({ open, onOpen }: { open: number; onOpen: () => void }) {
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      onClick={onOpen}
      className="inline-flex items-center gap-2 rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800"
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-4 fill-current text-amber-600 dark:text-amber-400">
        <path d="M2 2h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-4 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" />
      </svg>
      Comments
      <span
        aria-hidden
        className="rounded-full bg-amber-100 px-1.5 text-xs text-amber-950 dark:bg-amber-900 dark:text-amber-50"
      >
        {open}
      </span>
      <span className="sr-only">: {openThreadsLabel(open)} on this team and its cells</span>
    </button>
  );
}

/** The panel of a team page: the team's threads (and its cells', each labelled), or one cell's. */
export function TeamCommentsPanel({
  orgId,
  userId,
  view,
  setting,
  comments,
}: {
  orgId: string;
  userId: string;
  view: TTeamView;
  setting: TTeamCommentsSetting;
  comments: ReturnType<typeof useTeamComments>;
}) {
  const { panel, threads } = comments;
  const teamId = view.team.id;
  const cellName = (dutyId: string | null, slotId: string | null) => {
    const duty = view.duties.find((candidate) => candidate.id === dutyId);
    const slot = view.slots.find((candidate) => candidate.id === slotId);
    return `${duty?.name ?? "a duty no longer here"}, ${slot ? `${slot.role}${slot.title ? ` ${slot.title}` : ""}` : "a slot no longer here"}`;
  };
  let title = "";
  let shown: TCommentThread[] = [];
  let newThread: TCommentTarget | null = null;
  const draft = setting.draftId ? { draftId: setting.draftId } : {};
  if (panel?.kind === "cell") {
    title = `Comments on ${cellName(panel.dutyId, panel.slotId)} in ${view.team.name}`;
    shown = threads.filter(
      ({ target }) => target.kind === "cell" && target.dutyId === panel.dutyId && target.slotId === panel.slotId,
    );
    newThread = { kind: "cell", teamId, dutyId: panel.dutyId, slotId: panel.slotId, ...draft };
  } else if (panel?.kind === "team") {
    title = `Comments on ${view.team.name}`;
    shown = threads;
    // A draft's threads are on the draft as a whole or on its cells.
    newThread = setting.draftId ? null : { kind: "team", teamId };
  }
  return (
    <CommentsDialog title={title} isOpen={panel !== null} onClose={comments.close}>
      <CommentThreads
        place={{ orgId, liveSlug: setting.liveSlug }}
        threads={shown}
        newThread={newThread}
        noNewThread="In a draft, start a thread from a cell (its menu), or on the whole draft from the banner above."
        rights={setting.rights}
        userId={userId}
        labelOf={
          panel?.kind === "team"
            ? ({ target }) => (target.kind === "cell" ? `On ${cellName(target.dutyId, target.slotId)}` : "On the team")
            : undefined
        }
      />
    </CommentsDialog>
  );
}
