"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { TRuleFlag } from "@/lib/domain/analyze-map";
import type { TPerson, TRaciLevel, TSlot } from "@/lib/domain/model";
import { cellKey, cellVersion, type TTeamView } from "@/lib/domain/team-view";
import { moveInGrid, type TGridPosition } from "./grid-navigation";
import { LevelMenu } from "./level-menu";
import { LEVEL_LETTERS, LEVEL_NAMES, LEVEL_STYLES, levelForKey } from "./levels";
import type { TCandidatesScope } from "./slot-candidates";
import { SlotHeader, type TSlotActions } from "./slot-header";
import type { TRemitMap } from "@/lib/domain/model";
import { TableFrame } from "@/components/ui/table-frame";
import { openThreadsLabel } from "@/lib/domain/comments";

type TProps = {
  map: TRemitMap;
  view: TTeamView;
  /** Whom a holder picker offers. */
  people: readonly TPerson[];
  flags: readonly TRuleFlag[];
  canEdit: boolean;
  /** Cells others have focused (by cellKey), with their name and colour. */
  peerFocus: ReadonlyMap<string, { name: string; color: string }>;
  /** Tells the others which cell this user is on (null when none). */
  onFocusCell: (focus: string | null) => void;
  onSetCell: (change: { dutyId: string; slotId: string; level: TRaciLevel | null }, version: number) => void;
  slotActions: TSlotActions;
  /** Comments, where the page shows them: each cell's open threads, and how to open a cell's panel. */
  comments?: TMatrixComments;
  /** Where the holder pickers ask who could fill a slot; left out where nobody assigns. */
  candidatesScope?: TCandidatesScope;
};

export type TMatrixComments = {
  /** Open threads by cellKey. */
  openByCell: ReadonlyMap<string, number>;
  onOpen: (dutyId: string, slotId: string) => void;
};

/** Where each flag shows in the grid: whole rows (duties), whole columns (slots) and single cells. */
function flagMarks(flags: readonly TRuleFlag[]) {
  const duties = new Map<string, string[]>();
  const slots = new Map<string, string[]>();
  const cells = new Map<string, string[]>();
  const add = (target: Map<string, string[]>, key: string, message: string) =>
    target.set(key, [...(target.get(key) ?? []), message]);
  for (const flag of flags) {
    if (flag.kind === "unowned_duty") add(duties, flag.duty.id, flag.message);
    else if (flag.kind === "shared_ownership") {
      for (const slot of flag.slots) add(cells, cellKey(flag.duty.id, slot.id), flag.message);
    } else if (flag.kind === "vacant_slot" || flag.kind === "idle_slot") add(slots, flag.slot.id, flag.message);
    else if (flag.kind === "dual_role") for (const slot of flag.slots) add(slots, slot.id, flag.message);
    else if (flag.kind === "no_responsible") add(duties, flag.duty.id, flag.message);
    else if (flag.kind === "too_many_consulted" || flag.kind === "lean_mismatch") {
      for (const slot of flag.slots) add(cells, cellKey(flag.duty.id, slot.id), flag.message);
    }
    // Person rules (overloaded, PO spread, person spread) and team size are about no row, column or cell: the flags
    // panel lists them.
  }
  return { duties, slots, cells };
}

/**
 * The responsibility matrix of one team: duties as rows, slots as columns. A click or Enter opens the level menu;
 * arrow keys move between cells; A, R, C and I set a level and Delete clears it.
 */
export function TeamMatrix({
  map,
  view,
  people,
  flags,
  canEdit,
  peerFocus,
  onFocusCell,
  onSetCell,
  slotActions,
  comments,
  candidatesScope,
}: TProps) {
  const { duties, slots, cells, peopleById } = view;
  const [focus, setFocus] = useState<TGridPosition>({ row: 0, column: 0 });
  const [menuAt, setMenuAt] = useState<TGridPosition | null>(null);
  const cellRefs = useRef(new Map<string, HTMLElement>());
  const marks = useMemo(() => flagMarks(flags), [flags]);

  const focusCell = useCallback((position: TGridPosition) => {
    setFocus(position);
    cellRefs.current.get(`${position.row}:${position.column}`)?.focus();
  }, []);

  const setLevel = (row: number, column: number, level: TRaciLevel | null) => {
    const duty = duties[row];
    const slot = slots[column];
    if (!duty || !slot) return;
    if ((cells.get(cellKey(duty.id, slot.id))?.level ?? null) === level) return;
    onSetCell({ dutyId: duty.id, slotId: slot.id, level }, cellVersion(map, duty.id, slot.id));
  };

  const onCellKeyDown = (event: React.KeyboardEvent, row: number, column: number) => {
    const moved = moveInGrid({ row, column }, event.key, {
      rows: duties.length,
      columns: slots.length,
      ctrlKey: event.ctrlKey || event.metaKey,
    });
    if (moved) {
      event.preventDefault();
      focusCell(moved);
      return;
    }
    if (!canEdit || event.altKey || event.ctrlKey || event.metaKey) return;
    const level = levelForKey(event.key);
    if (level) {
      event.preventDefault();
      setLevel(row, column, level);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      setLevel(row, column, null);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setMenuAt({ row, column });
    }
  };

  const openComments = (row: number, column: number) => {
    const duty = duties[row];
    const slot = slots[column];
    if (duty && slot) comments?.onOpen(duty.id, slot.id);
  };

  const closeMenu = useCallback(() => {
    setMenuAt((open) => {
      if (open) requestAnimationFrame(() => cellRefs.current.get(`${open.row}:${open.column}`)?.focus());
      return null;
    });
  }, []);

  if (slots.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        This team has no slots yet. {canEdit ? "Add a PO or PM slot to start assigning duties." : ""}
      </p>
    );
  }

  return (
    <TableFrame id="team-matrix" isBordered>
      <table
        role="grid"
        aria-label={`Responsibilities in ${view.team.name}`}
        className="w-full border-collapse text-sm"
      >
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className="w-52 px-3 py-2 text-left font-medium text-slate-600 dark:text-slate-400">
              Duty
            </th>
            {slots.map((slot: TSlot) => (
              <SlotHeader
                key={slot.id}
                slot={slot}
                holder={slot.holderId ? (peopleById.get(slot.holderId) ?? null) : null}
                people={people}
                problems={marks.slots.get(slot.id) ?? []}
                canEdit={canEdit}
                actions={slotActions}
                candidatesScope={candidatesScope}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {duties.map((duty, row) => {
            const rowProblems = marks.duties.get(duty.id) ?? [];
            return (
              <tr key={duty.id} className="border-t border-slate-200 dark:border-slate-800">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="flex items-center gap-2">
                    {rowProblems.length > 0 && (
                      <span
                        role="img"
                        aria-label={rowProblems.join(" ")}
                        title={rowProblems.join("\n")}
                        className="inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-red-600 text-[10px] font-bold text-white"
                      >
                        !
                      </span>
                    )}
                    <span className={duty.required ? "" : "text-slate-600 dark:text-slate-400"}>
                      {duty.name}
                      {!duty.required && <span className="ml-1 text-xs">(optional)</span>}
                    </span>
                  </span>
                </th>
                {slots.map((slot, column) => {
                  const assignment = cells.get(cellKey(duty.id, slot.id));
                  const level = assignment?.level ?? null;
                  const problems = marks.cells.get(cellKey(duty.id, slot.id)) ?? [];
                  const isFocusable = focus.row === row && focus.column === column;
                  const peer = peerFocus.get(cellKey(duty.id, slot.id));
                  const holderName = slot.holderId ? peopleById.get(slot.holderId)?.name : "vacant";
                  const openThreads = comments?.openByCell.get(cellKey(duty.id, slot.id)) ?? 0;
                  const label = `${duty.name}, ${slot.role}${slot.title ? ` ${slot.title}` : ""} (${holderName}): ${
                    level ? LEVEL_NAMES[level] : "no level"
                  }${problems.length > 0 ? `. ${problems.join(" ")}` : ""}${
                    openThreads > 0 ? `. ${openThreadsLabel(openThreads)}` : ""
                  }`;
                  return (
                    <td
                      key={slot.id}
                      role="gridcell"
                      className={`relative px-2 py-1 text-center ${problems.length > 0 ? "bg-red-50 dark:bg-red-950/60" : ""}`}
                      style={peer ? { outline: `2px solid ${peer.color}`, outlineOffset: "-3px" } : undefined}
                      data-peer={peer?.name}
                    >
                      {openThreads > 0 && (
                        <CommentMarker
                          count={openThreads}
                          cellName={`${duty.name}, ${slot.role}`}
                          onOpen={() => openComments(row, column)}
                        />
                      )}
                      {peer && (
                        <span
                          className="absolute -top-1 right-0 z-10 rounded px-1 text-[9px] font-semibold text-white"
                          style={{ backgroundColor: peer.color }}
                        >
                          {peer.name.split(" ")[0]}
                        </span>
                      )}
                      <MatrixCell
                        cellRef={(element) => {
                          if (element) cellRefs.current.set(`${row}:${column}`, element);
                          else cellRefs.current.delete(`${row}:${column}`);
                        }}
                        isFocusable={isFocusable}
                        label={label}
                        level={level}
                        dataCell={`${duty.key}:${slot.key}`}
                        problems={problems}
                        canEdit={canEdit}
                        onOpenComments={comments && !canEdit ? () => openComments(row, column) : undefined}
                        isMenuOpen={menuAt?.row === row && menuAt.column === column}
                        onFocus={() => {
                          setFocus({ row, column });
                          onFocusCell(cellKey(duty.id, slot.id));
                        }}
                        onOpenMenu={() => setMenuAt({ row, column })}
                        onKeyDown={(event) => onCellKeyDown(event, row, column)}
                      />
                      {menuAt?.row === row && menuAt.column === column && (
                        <LevelMenu
                          label={`Level for ${duty.name}, ${slot.role}`}
                          current={level}
                          comments={
                            comments
                              ? {
                                  open: openThreads,
                                  onOpen: () => {
                                    setMenuAt(null);
                                    openComments(row, column);
                                  },
                                }
                              : undefined
                          }
                          onClose={closeMenu}
                          onChoose={(chosen) => {
                            setLevel(row, column, chosen);
                            closeMenu();
                          }}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}

type TMatrixCellProps = {
  cellRef: (element: HTMLElement | null) => void;
  isFocusable: boolean;
  label: string;
  level: TRaciLevel | null;
  dataCell: string;
  problems: string[];
  canEdit: boolean;
  /** For readers, where the page shows comments: the cell opens its comments. */
  onOpenComments?: () => void;
  isMenuOpen: boolean;
  onFocus: () => void;
  onOpenMenu: () => void;
  onKeyDown: (event: React.KeyboardEvent) => void;
};

/**
 * One cell: its level's chip, itself the focusable control (a button that opens the level menu for editors, plain text
 * for readers), one element per cell. A problem outlines it in red; the keyboard's focus outlines it in indigo instead
 * (the cell's background and name still say the problem).
 */
function MatrixCell({
  cellRef,
  isFocusable,
  label,
  level,
  dataCell,
  problems,
  canEdit,
  onOpenComments,
  isMenuOpen,
  onFocus,
  onOpenMenu,
  onKeyDown,
}: TMatrixCellProps) {
  const letter = level ? LEVEL_LETTERS[level] : "·";
  const look = level
    ? `font-bold ${LEVEL_STYLES[level]} ${canEdit ? "hover:brightness-95 dark:hover:brightness-125" : ""}`
    : `text-slate-300 dark:text-slate-700 ${canEdit ? "hover:bg-slate-100 dark:hover:bg-slate-800" : ""}`;
  const shared = {
    ref: cellRef,
    tabIndex: isFocusable ? 0 : -1,
    "aria-label": label,
    "data-cell": dataCell,
    title: problems.join("\n") || undefined,
    onFocus,
    onKeyDown,
    className: `m-0.5 inline-flex size-7 items-center justify-center rounded-md align-middle text-xs ${look} ${
      problems.length > 0 ? "outline-2 outline-offset-2 outline-red-500" : ""
    } focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${canEdit ? "cursor-pointer" : ""}`,
  };
  // Readers move through the grid too; their cells open the cell's comments, where the page has them.
  if (!canEdit && onOpenComments) {
    return (
      <button
        {...shared}
        type="button"
        aria-haspopup="dialog"
        onClick={onOpenComments}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            onOpenComments();
          } else onKeyDown(event);
        }}
      >
        {letter}
      </button>
    );
  }
  if (!canEdit) return <span {...shared}>{letter}</span>;
  return (
    <button {...shared} type="button" aria-haspopup="menu" aria-expanded={isMenuOpen} onClick={onOpenMenu}>
      {letter}
    </button>
  );
}

/**
 * A cell's open comment threads: a speech bubble with their number, and the words for screen readers (the cell's
 * own name says them too). A pointer opens the cell's comments; the keyboard reaches them through the cell.
 */
function CommentMarker({ count, cellName, onOpen }: { count: number; cellName: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      onClick={onOpen}
      title={openThreadsLabel(count)}
      data-comment-marker
      className="absolute top-0.5 left-1/2 z-10 ml-3.5 inline-flex items-center gap-0.5 rounded-md bg-amber-100 px-1 text-[10px] leading-4 font-semibold text-amber-950 hover:bg-amber-200 dark:bg-amber-900 dark:text-amber-50"
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-2.5 fill-current">
        <path d="M2 2h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-4 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" />
      </svg>
      <span aria-hidden>{count}</span>
      <span className="sr-only">
        {openThreadsLabel(count)} on {cellName}
      </span>
    </button>
  );
}
