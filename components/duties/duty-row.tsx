"use client";

import { countNoun } from "@/lib/domain/count-noun";
import type { TDutyRow } from "@/lib/domain/duty-rows";
import type { TUpdateDuty } from "@/lib/validation/duties";
import { DutyForm } from "./duty-form";

export type TDirection = "up" | "down";

export function moveButtonId(dutyId: string, direction: TDirection): string {
  return `move-${direction}-${dutyId}`;
}

export function editButtonId(dutyId: string): string {
  return `edit-duty-${dutyId}`;
}

const CONTROL =
  "rounded-md px-2 py-1 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-40";
const NEUTRAL_CONTROL = `${CONTROL} ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800`;

/** What an editor can do to a duty from its row. */
export type TDutyRowActions = {
  move: (direction: TDirection) => void;
  setRequired: (required: boolean) => void;
  edit: () => void;
  save: (changes: TUpdateDuty) => void;
  cancelEdit: () => void;
  remove: () => void;
};

/** A duty as the catalogue shows it, or its edit form. */
export function DutyRowContent({
  orgId,
  orgSlug,
  row,
  isEditing,
  actions,
}: {
  orgId: string;
  orgSlug: string;
  row: TDutyRow;
  isEditing: boolean;
  actions: TDutyRowActions;
}) {
  const { duty } = row;
  if (isEditing) {
    return (
      <DutyForm
        orgId={orgId}
        orgSlug={orgSlug}
        idPrefix={`edit-${duty.id}`}
        duty={duty}
        onCancel={actions.cancelEdit}
        onSave={actions.save}
      />
    );
  }
  return (
    <>
      <h3 className="font-medium">
        {duty.name}{" "}
        <span
          className={`ml-1 rounded px-1.5 py-0.5 align-middle text-xs font-medium ${
            duty.required
              ? "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200"
              : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          }`}
        >
          {duty.required ? "Required" : "Optional"}
        </span>
      </h3>
      {duty.description && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{duty.description}</p>}
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {row.assignmentCount === 0
          ? "Not assigned in any team yet."
          : `${countNoun(row.assignmentCount, "assignment")} in ${countNoun(row.teamCount, "team")}.`}
      </p>
    </>
  );
}

/** Move up and down, Required, Edit and Remove: an editor's controls for one duty. */
export function DutyRowControls({
  row,
  isFirst,
  isLast,
  actions,
}: {
  row: TDutyRow;
  isFirst: boolean;
  isLast: boolean;
  actions: TDutyRowActions;
}) {
  const { duty } = row;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {(["up", "down"] as const).map((direction) => (
        <button
          key={direction}
          id={moveButtonId(duty.id, direction)}
          type="button"
          className={NEUTRAL_CONTROL}
          disabled={direction === "up" ? isFirst : isLast}
          aria-label={`Move ${duty.name} ${direction}`}
          title={direction === "up" ? "Move up" : "Move down"}
          onClick={() => actions.move(direction)}
        >
          <span aria-hidden>{direction === "up" ? "↑" : "↓"}</span>
        </button>
      ))}
      <label className="ml-2 flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={duty.required}
          onChange={(event) => actions.setRequired(event.target.checked)}
          aria-label={`Required: ${duty.name}`}
          className="size-4 accent-indigo-600"
        />
        Required
      </label>
      <button
        id={editButtonId(duty.id)}
        type="button"
        className={`${NEUTRAL_CONTROL} ml-2`}
        aria-label={`Edit ${duty.name}`}
        onClick={actions.edit}
      >
        Edit
      </button>
      <button
        type="button"
        className={`${CONTROL} text-red-700 ring-red-300 hover:bg-red-50 dark:text-red-400 dark:ring-red-900 dark:hover:bg-red-950`}
        aria-label={`Remove ${duty.name}`}
        onClick={actions.remove}
      >
        Remove
      </button>
    </div>
  );
}
