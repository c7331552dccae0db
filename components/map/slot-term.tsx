"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { TPerson, TSlot } from "@/lib/domain/model";
import { formatTermMoment } from "@/lib/domain/slot-terms";
import type { TTermChanges } from "./slot-term-form";

export type { TTermChanges } from "./slot-term-form";

// Loaded when an editor first opens a term: a team page shows every column's "Set a term", few open one.
const SlotTermForm = dynamic(() => import("./slot-term-form").then((module) => module.SlotTermForm), {
  ssr: false,
  loading: () => (
    <p
      role="status"
      className="absolute left-1/2 z-20 mt-1 -translate-x-1/2 rounded-md bg-white p-3 shadow-lg dark:bg-slate-900"
    >
      Loading…
    </p>
  ),
});

/**
 * A slot's term under its holder: when it ends and who takes over from when (issue 22), for everyone; for editors,
 * a form to set or clear both. Moments show in UTC, as History and the timeline say them.
 */
export function SlotTerm({
  slot,
  roleLabel,
  people,
  canEdit,
  onSave,
}: {
  slot: TSlot;
  roleLabel: string;
  people: readonly TPerson[];
  canEdit: boolean;
  onSave: (changes: TTermChanges) => void;
}) {
  // The form (its picker lists everyone: thousands of options in a large organisation, in every column) is drawn
  // only while it is open, so that a cell edit does not render every column's list again.
  const [isOpen, setIsOpen] = useState(false);
  const next = slot.nextHolderId ? people.find((person) => person.id === slot.nextHolderId) : undefined;
  const hasTerm = Boolean((slot.holderId && slot.holderUntil) || (slot.nextHolderId && slot.nextHolderFrom));
  return (
    <>
      {slot.holderId && slot.holderUntil && (
        <span className="text-center text-xs text-slate-700 dark:text-slate-300">
          Until {formatTermMoment(slot.holderUntil)}
        </span>
      )}
      {next && slot.nextHolderFrom && (
        <span className="text-center text-xs text-slate-700 dark:text-slate-300">
          Then {next.name} from {formatTermMoment(slot.nextHolderFrom)}
        </span>
      )}
      {canEdit && (
        <details data-png-hide className="relative text-xs" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
          <summary className="cursor-pointer text-indigo-700 hover:underline dark:text-indigo-300">
            {hasTerm ? "Change term" : "Set a term"}
            <span className="sr-only"> of the {roleLabel} slot</span>
          </summary>
          {isOpen && (
            <SlotTermForm slot={slot} roleLabel={roleLabel} people={people} hasTerm={hasTerm} onSave={onSave} />
          )}
        </details>
      )}
    </>
  );
}
