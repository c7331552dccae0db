"use client";

import { useEffect, useRef, useState } from "react";
import type { TDutyRow } from "@/lib/domain/duty-rows";
import { moveButtonId, type TDirection } from "./duty-row";

/**
 * Reordering the catalogue: Move up / Move down (focus follows the duty that moved, since the list re-renders in
 * its new order) and drag and drop for the mouse, where a duty dropped on another takes its place.
 */
export function useDutyReorder({
  rows,
  moveTo,
}: {
  rows: readonly TDutyRow[];
  moveTo: (row: TDutyRow, position: number) => void;
}) {
  const focusAfterRender = useRef<{ dutyId: string; direction: TDirection } | null>(null);
  useEffect(() => {
    const request = focusAfterRender.current;
    if (!request) return;
    focusAfterRender.current = null;
    const preferred = document.getElementById(moveButtonId(request.dutyId, request.direction));
    const other = document.getElementById(moveButtonId(request.dutyId, request.direction === "up" ? "down" : "up"));
    const target = preferred instanceof HTMLButtonElement && !preferred.disabled ? preferred : other;
    target?.focus();
  });

  const move = (row: TDutyRow, index: number, direction: TDirection) => {
    focusAfterRender.current = { dutyId: row.duty.id, direction };
    moveTo(row, direction === "up" ? index - 1 : index + 1);
  };

  const [dragged, setDragged] = useState<TDutyRow | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const endDrag = () => {
    setDragged(null);
    setDropIndex(null);
  };

  /** The drag-and-drop handlers of the row at `index`, and how it looks while a duty is dragged. */
  const dragProps = (row: TDutyRow, index: number) => ({
    onDragStart: (event: React.DragEvent) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.duty.name);
      setDragged(row);
    },
    onDragOver: (event: React.DragEvent) => {
      if (!dragged) return;
      event.preventDefault();
      if (dropIndex !== index) setDropIndex(index);
    },
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      const from = rows.findIndex((candidate) => candidate.duty.id === dragged?.duty.id);
      if (dragged && from !== index) moveTo(dragged, index);
      endDrag();
    },
    onDragEnd: endDrag,
    dragClassName: `${dragged?.duty.id === row.duty.id ? "opacity-50" : ""} ${
      dropIndex === index && dragged && dragged.duty.id !== row.duty.id
        ? "outline-2 -outline-offset-2 outline-indigo-500"
        : ""
    }`,
  });

  return { move, dragProps };
}
