"use client";

import { useId } from "react";
import type { TPerson, TSlot } from "@/lib/domain/model";

/** What the term form sends: each field as PATCH /slots takes it (null clears it). */
export type TTermChanges = { holderUntil: string | null; nextHolderId: string | null; nextHolderFrom: string | null };

const pad = (value: number) => String(value).padStart(2, "0");

/** An ISO moment as a datetime-local input shows it: in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value (the browser's time zone) as ISO 8601; null when empty. */
function fromLocalInput(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && value ? new Date(value).toISOString() : null;
}

/** The form of a slot's term (see SlotTerm), loaded when an editor first opens one. */
export function SlotTermForm({
  slot,
  roleLabel,
  people,
  hasTerm,
  onSave,
}: {
  slot: TSlot;
  roleLabel: string;
  people: readonly TPerson[];
  hasTerm: boolean;
  onSave: (changes: TTermChanges) => void;
}) {
  const id = useId();
  return (
    <form
      aria-label={`Term of the ${roleLabel} slot`}
      className="absolute left-1/2 z-20 mt-1 w-64 -translate-x-1/2 space-y-2 rounded-md bg-white p-3 text-left shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const nextHolderId = form.get("nextHolderId");
        onSave({
          holderUntil: fromLocalInput(form.get("holderUntil")),
          nextHolderId: typeof nextHolderId === "string" && nextHolderId ? nextHolderId : null,
          nextHolderFrom: fromLocalInput(form.get("nextHolderFrom")),
        });
        event.currentTarget.closest("details")?.removeAttribute("open");
      }}
    >
      <label className="block" htmlFor={`${id}-until`}>
        The holder&apos;s term ends (your time)
      </label>
      <input
        id={`${id}-until`}
        name="holderUntil"
        type="datetime-local"
        disabled={!slot.holderId}
        defaultValue={toLocalInput(slot.holderUntil)}
        className="w-full rounded border-0 px-1 py-0.5 ring-1 ring-slate-300 disabled:opacity-60 dark:bg-slate-900 dark:ring-slate-700"
      />
      {!slot.holderId && <p className="text-slate-600 dark:text-slate-400">The slot is vacant: no term to end.</p>}
      <label className="block" htmlFor={`${id}-next`}>
        Next holder
      </label>
      <select
        id={`${id}-next`}
        name="nextHolderId"
        defaultValue={slot.nextHolderId ?? ""}
        className="w-full rounded border-0 py-0.5 pl-1 pr-6 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
      >
        <option value="">Nobody planned</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      <label className="block" htmlFor={`${id}-from`}>
        Takes over from (your time)
      </label>
      <input
        id={`${id}-from`}
        name="nextHolderFrom"
        type="datetime-local"
        defaultValue={toLocalInput(slot.nextHolderFrom)}
        className="w-full rounded border-0 px-1 py-0.5 ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
      />
      <div className="flex justify-between gap-2 pt-1">
        <button type="submit" className="rounded bg-indigo-600 px-2 py-1 font-medium text-white hover:bg-indigo-500">
          Save term
        </button>
        {hasTerm && (
          <button
            type="button"
            className="text-red-700 hover:underline dark:text-red-400"
            onClick={(event) => {
              onSave({ holderUntil: null, nextHolderId: null, nextHolderFrom: null });
              event.currentTarget.closest("details")?.removeAttribute("open");
            }}
          >
            Clear term
          </button>
        )}
      </div>
    </form>
  );
}
