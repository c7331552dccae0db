"use client";

import { useIsMutating } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { useMemo, useState } from "react";
import { useLive, useLiveState } from "@/components/live/live-provider";
import { useIsPageIdle } from "@/components/ui/use-page-idle";
import { peerColor } from "@/lib/domain/peer-color";
import { useSetCell } from "@/lib/client/cells";
import { useOrgMap, type TMapState } from "@/lib/client/queries";
import { mutationKeys } from "@/lib/client/query-keys";
import { useSlotMutations } from "@/lib/client/teams";
import type { TRuleFlag, TMapAnalysis } from "@/lib/domain/analyze-map";
import { compareNames } from "@/lib/domain/model";
import { splitOwnerOf } from "@/lib/domain/po-pm-split";
import { teamView } from "@/lib/domain/team-view";
import {
  TeamCommentsButton,
  TeamCommentsPanel,
  useTeamComments,
  type TTeamCommentsSetting,
} from "@/components/comments/team-comments";
import { FlagsPanel, type TFlagFix } from "./flags-panel";
import { holderPickerId } from "./slot-header";
import { TeamMatrix } from "./team-matrix";
import { TeamTools } from "./team-tools";
import { useUndoShortcut } from "./use-undo-shortcut";

// Loaded when an editor opens it: the page's first paint carries only the matrix and its tools' buttons.
const RaciImport = dynamic(() => import("./raci-import").then((module) => module.RaciImport), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
      Loading the importer…
    </p>
  ),
});

type TProps = {
  orgId: string;
  orgSlug: string;
  teamId: string;
  /** The signed-in user: Ctrl/Cmd+Z undoes their own last change to the team. */
  userId: string;
  canEdit: boolean;
  initial: TMapState;
  /** The team's comments: where they are and what this user may do with them. */
  comments: TTeamCommentsSetting;
};

/** The team page's interactive part: the matrix, its flags with fixes, and the team's slot tools. */
export function TeamWorkspace({ orgId, orgSlug, teamId, userId, canEdit, initial, comments: commentsSetting }: TProps) {
  const scope = useMemo(() => ({ teamId }), [teamId]);
  const { map, analysis, isFetching } = useOrgMap({ orgId, orgSlug, scope, initial });
  const view = useMemo(() => (map ? teamView(map, teamId) : null), [map, teamId]);
  // Everyone an editor can pick as a holder: loaded once the page is up and idle (the team's part has only its
  // holders).
  const isIdle = useIsPageIdle();
  const roster = useOrgMap({ orgId, orgSlug, scope: "roster", enabled: canEdit && isIdle });
  const choices = useMemo(
    () => [...(roster.map ?? map ?? { people: [] }).people].sort(compareNames),
    [roster.map, map],
  );
  const teamAnalysis = analysis?.teams.find((entry) => entry.team.id === teamId);
  const live = useLive();
  const { peers } = useLiveState();
  const setCell = useSetCell({ orgId, orgSlug, scope, changedBy: live.lastChangeBy });
  // Edits show at once and are saved one after another: say when the last is saved, so nobody leaves too early.
  const savingCells = useIsMutating({ mutationKey: mutationKeys.cellWrites(orgId) });
  const pathname = usePathname();
  // Cells that other people on this page have focused, outlined in their colour.
  const peerFocus = useMemo(() => {
    const focused = new Map<string, { name: string; color: string }>();
    for (const peer of peers.values()) {
      if (peer.path === pathname && peer.focus)
        focused.set(peer.focus, { name: peer.user.name, color: peerColor(peer.user.id) });
    }
    return focused;
  }, [peers, pathname]);
  useUndoShortcut({ orgId, orgSlug, teamId, userId, enabled: canEdit });
  const slots = useSlotMutations({ orgId, orgSlug, teamId });
  const comments = useTeamComments({ orgId, teamId, setting: commentsSetting });
  const [isImporting, setImporting] = useState(false);

  if (!map || !view) {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {isFetching ? "Loading the team…" : "This team no longer exists. It may have been removed a moment ago."}
      </p>
    );
  }

  const setLevel = (dutyId: string, slotId: string, level: "accountable" | "responsible") =>
    setCell.mutate({
      change: { teamId, dutyId, slotId, level },
      version: map.assignments.find((a) => a.dutyId === dutyId && a.slotId === slotId)?.version ?? 0,
    });

  const fixFor = (flag: TRuleFlag): TFlagFix | null => {
    if (!canEdit) return null;
    if (flag.kind === "unowned_duty") {
      const role = splitOwnerOf(flag.duty.key);
      const slot = view.slots.find((candidate) => candidate.role === role);
      return slot
        ? { label: `Make ${slot.role} accountable`, run: () => setLevel(flag.duty.id, slot.id, "accountable") }
        : null;
    }
    if (flag.kind === "shared_ownership") {
      const role = splitOwnerOf(flag.duty.key);
      const keep = view.slots.find((slot) => slot.role === role && flag.slots.some((ref) => ref.id === slot.id));
      if (!keep) return null;
      return {
        label: `Keep only ${keep.role} accountable`,
        run: () => {
          for (const ref of flag.slots) if (ref.id !== keep.id) setLevel(flag.duty.id, ref.id, "responsible");
        },
      };
    }
    if (flag.kind === "vacant_slot") {
      return { label: "Assign a holder", run: () => document.getElementById(holderPickerId(flag.slot.id))?.focus() };
    }
    return null;
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-4">
        <TeamCommentsButton open={comments.counts.total} onOpen={comments.openTeam} />
        {canEdit && (
          <TeamTools
            slots={slots}
            group={map.teams.find((team) => team.id === teamId)?.group ?? null}
            isImporting={isImporting}
            onImport={() => setImporting(true)}
          />
        )}
        {canEdit && isImporting && (
          <RaciImport orgId={orgId} orgSlug={orgSlug} teamId={teamId} onClose={() => setImporting(false)} />
        )}
        <TeamMatrix
          map={map}
          view={view}
          people={choices}
          flags={teamAnalysis?.flags ?? []}
          canEdit={canEdit}
          peerFocus={peerFocus}
          onFocusCell={live.reportFocus}
          onSetCell={(change, version) => setCell.mutate({ change: { ...change, teamId }, version })}
          slotActions={{
            setHolder: (slot, holderId) => slots.update.mutate({ slot, changes: { holderId } }),
            setTerm: (slot, changes) => slots.update.mutate({ slot, changes }),
            renameSlot: (slot, role) => slots.update.mutate({ slot, changes: { role } }),
            removeSlot: (slot) => slots.remove.mutate(slot),
          }}
          comments={{ openByCell: comments.counts.byCell, onOpen: comments.openCell }}
          candidatesScope={{ orgId, orgSlug, teamId }}
        />
        <TeamCommentsPanel orgId={orgId} userId={userId} view={view} setting={commentsSetting} comments={comments} />
        {canEdit && (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {savingCells > 0
              ? "Saving…"
              : setCell.isError
                ? "Your last change was not saved; the grid shows what is."
                : setCell.submittedAt > 0
                  ? "All changes saved."
                  : ""}
          </p>
        )}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {canEdit
            ? "Click a cell, or move with the arrow keys and press A, R, C or I to set a level, Delete to clear it, Enter for the menu. Ctrl+Z (⌘Z) undoes your last change to this team."
            : "You can read this map; ask an Owner for the Manager role to change it."}
        </p>
      </div>
      <TeamHealth analysis={teamAnalysis} fixFor={fixFor} />
    </div>
  );
}

/** The team's score and flags, beside its matrix. */
export function TeamHealth({
  analysis,
  fixFor,
}: {
  analysis: TMapAnalysis<TRuleFlag>["teams"][number] | undefined;
  fixFor: (flag: TRuleFlag) => TFlagFix | null;
}) {
  return (
    <aside className="space-y-4">
      {analysis && (
        <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <p className="text-sm text-slate-600 dark:text-slate-400">Health</p>
          <p className="text-3xl font-bold" data-testid="team-score">
            {analysis.score}
            <span className="text-base font-normal text-slate-600 dark:text-slate-400">/100</span>
          </p>
        </div>
      )}
      <FlagsPanel flags={analysis?.flags ?? []} fixFor={fixFor} />
    </aside>
  );
}
