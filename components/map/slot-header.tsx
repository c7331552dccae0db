"use client";

import { useState } from "react";
import { isStandardRole, type TPerson, type TSlot } from "@/lib/domain/model";
import { initials } from "@/lib/domain/team-view";
import { SlotCandidates, type TCandidatesScope } from "./slot-candidates";
import { SlotTerm, type TTermChanges } from "./slot-term";

export type TSlotActions = {
  setHolder: (slot: TSlot, holderId: string | null) => void;
  setTerm: (slot: TSlot, changes: TTermChanges) => void;
  renameSlot: (slot: TSlot, role: string) => void;
  removeSlot: (slot: TSlot) => void;
};

const EAGER_PICKER_PEOPLE = 200;

/** The id of a slot's holder picker, so that "Assign a holder" can take the user straight to it. */
export function holderPickerId(slotId: string): string {
  return `holder-${slotId}`;
}

/** A column header: the slot's role, its holder (a picker for editors) and allocation; custom slots can be edited. */
export function SlotHeader({
  slot,
  holder,
  people,
  problems,
  canEdit,
  actions,
  candidatesScope,
}: {
  slot: TSlot;
  holder: TPerson | null;
  people: readonly TPerson[];
  problems: string[];
  canEdit: boolean;
  actions: TSlotActions;
  /** Where to ask who could fill the slot; left out where nobody can assign (a past moment). */
  candidatesScope?: TCandidatesScope;
}) {
  const [isRenaming, setIsRenaming] = useState(false);
  // A large organisation's people would put thousands of options in every column's picker: list them only once the
  // picker is about to be used.
  const [isPickerActive, setIsPickerActive] = useState(false);
  const choices = isPickerActive || people.length <= EAGER_PICKER_PEOPLE ? people : holder ? [holder] : [];
  const isCustom = !isStandardRole(slot.role);
  const roleLabel = `${slot.role}${slot.title ? ` · ${slot.title}` : ""}`;
  return (
    <th
      scope="col"
      className={`min-w-32 px-2 py-2 align-top font-normal ${problems.length > 0 ? "bg-amber-50 dark:bg-amber-950/50" : ""}`}
    >
      <div className="flex flex-col items-center gap-1">
        {isRenaming ? (
          <form
            className="flex gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              const role = new FormData(event.currentTarget).get("role");
              if (typeof role === "string" && role.trim()) actions.renameSlot(slot, role.trim());
              setIsRenaming(false);
            }}
          >
            <input
              name="role"
              aria-label="Slot name"
              defaultValue={slot.role}
              autoFocus
              maxLength={60}
              onKeyDown={(event) => event.key === "Escape" && setIsRenaming(false)}
              className="w-28 rounded border-0 px-1 py-0.5 text-sm ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
            />
            <button type="submit" className="text-xs font-medium text-indigo-600 dark:text-indigo-400">
              Save
            </button>
          </form>
        ) : (
          <span className="font-semibold">{roleLabel}</span>
        )}
        <span className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={`inline-flex size-6 items-center justify-center rounded-full text-[10px] font-bold ${
              holder
                ? "bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
                : "border border-dashed border-slate-400 text-slate-400"
            }`}
          >
            {holder ? initials(holder.name) : "?"}
          </span>
          {canEdit ? (
            <select
              data-png-hide
              id={holderPickerId(slot.id)}
              aria-label={`Holder of the ${roleLabel} slot`}
              value={slot.holderId ?? ""}
              onChange={(event) => actions.setHolder(slot, event.target.value || null)}
              onFocus={() => setIsPickerActive(true)}
              onPointerEnter={() => setIsPickerActive(true)}
              onPointerDown={() => setIsPickerActive(true)}
              className="max-w-32 rounded border-0 bg-transparent py-0.5 pl-1 pr-6 text-xs ring-1 ring-inset ring-slate-300 dark:ring-slate-700"
            >
              <option value="">Vacant</option>
              {choices.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          ) : null}
          {canEdit ? (
            <span data-png-only className="text-xs">
              {holder?.name ?? "Vacant"}
            </span>
          ) : (
            <span className="text-xs">{holder?.name ?? "Vacant"}</span>
          )}
        </span>
        {canEdit && candidatesScope && (
          <SlotCandidates
            scope={candidatesScope}
            slot={slot}
            roleLabel={roleLabel}
            onAssign={(holderId) => actions.setHolder(slot, holderId)}
          />
        )}
        <SlotTerm
          slot={slot}
          roleLabel={roleLabel}
          people={people}
          canEdit={canEdit}
          onSave={(changes) => actions.setTerm(slot, changes)}
        />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {Math.round(slot.allocation * 100)}% of their time
        </span>
        {problems.length > 0 && (
          <span
            role="img"
            aria-label={problems.join(" ")}
            title={problems.join("\n")}
            className="text-xs text-amber-700 dark:text-amber-400"
          >
            ⚠ {problems.length === 1 ? "1 flag" : `${problems.length} flags`}
          </span>
        )}
        {canEdit && isCustom && !isRenaming && (
          <span data-png-hide className="flex gap-2 text-xs">
            <button
              type="button"
              onClick={() => setIsRenaming(true)}
              className="text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Rename
            </button>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Remove the ${roleLabel} slot and its assignments?`)) actions.removeSlot(slot);
              }}
              className="text-red-600 hover:underline dark:text-red-400"
              aria-label={`Remove the ${roleLabel} slot`}
            >
              Remove
            </button>
          </span>
        )}
      </div>
    </th>
  );
}
