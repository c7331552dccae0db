"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { AddSection } from "@/components/ui/add-section";
import { useToast } from "@/components/ui/toast";
import { useDutyMutations } from "@/lib/client/duties";
import { useOrgMap, type TMapState } from "@/lib/client/queries";
import { countNoun } from "@/lib/domain/count-noun";
import { dutyRows, withDutyMoved, type TDutyRow } from "@/lib/domain/duty-rows";
import type { TDuty, TRemitMap } from "@/lib/domain/model";
import type { TUpdateDuty } from "@/lib/validation/duties";
import { DutyForm } from "./duty-form";
import { DutyRowContent, DutyRowControls, editButtonId, type TDutyRowActions } from "./duty-row";
import { RemoveDutyDialog } from "./remove-duty-dialog";
import { useDutyReorder } from "./use-duty-reorder";

type TProps = { orgId: string; orgSlug: string; canEdit: boolean; initial: TMapState };

/** A duty with its changes applied, for the catalogue to show before the server has them. */
function withDutyChanged(map: TRemitMap, dutyId: string, change: (duty: TDuty) => TDuty): TRemitMap {
  return { ...map, duties: map.duties.map((candidate) => (candidate.id === dutyId ? change(candidate) : candidate)) };
}

/**
 * The organisation's duty catalogue: the rows of every team's matrix, in order. Editors add, rename, describe,
 * reorder (drag and drop, or Move up / Move down by mouse or keyboard), mark required or optional, and remove
 * duties.
 */
export function DutyCatalogue({ orgId, orgSlug, canEdit, initial }: TProps) {
  const toast = useToast();
  const { map, data, isFetching } = useOrgMap({ orgId, orgSlug, scope: "duties", initial });
  const usage = data?.dutyUsage;
  const rows = useMemo(() => (map ? dutyRows(map.duties, usage ?? {}) : []), [map, usage]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TDutyRow | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const duties = useDutyMutations({ orgId, orgSlug });

  const moveTo = (row: TDutyRow, position: number) => {
    if (position < 0 || position >= rows.length) return;
    setAnnouncement(`${row.duty.name} moved to position ${position + 1} of ${rows.length}.`);
    duties.change(row.duty, { order: position }, (current) => withDutyMoved(current, row.duty.id, position));
  };
  const { move, dragProps } = useDutyReorder({ rows, moveTo });

  const stopEditing = (dutyId: string) => {
    setEditingId(null);
    requestAnimationFrame(() => document.getElementById(editButtonId(dutyId))?.focus());
  };

  const actionsFor = (row: TDutyRow, index: number): TDutyRowActions => {
    const { duty } = row;
    return {
      move: (direction) => move(row, index, direction),
      setRequired: (required) => {
        setAnnouncement(`${duty.name} is now ${required ? "required" : "optional"}.`);
        duties.change(duty, { required }, (current) =>
          withDutyChanged(current, duty.id, (candidate) => ({ ...candidate, required })),
        );
      },
      edit: () => setEditingId(duty.id),
      save: (changes: TUpdateDuty) => {
        duties.change(duty, changes, (current) =>
          withDutyChanged(current, duty.id, (candidate) => ({
            ...candidate,
            name: changes.name?.trim() ?? candidate.name,
            description: changes.description?.trim() ?? candidate.description,
          })),
        );
        stopEditing(duty.id);
      },
      cancelEdit: () => stopEditing(duty.id),
      remove: () => setRemoving(row),
    };
  };

  const remove = (row: TDutyRow) =>
    duties.remove.mutate(row.duty, {
      onSuccess: ({ deleted }) =>
        toast.show(`Removed ${row.duty.name} and ${countNoun(deleted.assignments, "assignment")} with it.`, "success"),
      onSettled: () => setRemoving(null),
    });

  if (!map) {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {isFetching ? "Loading the catalogue…" : "The map could not be loaded. Reload the page to try again."}
      </p>
    );
  }

  const requiredCount = rows.filter((row) => row.duty.required).length;
  return (
    <div className="space-y-6">
      {canEdit && (
        <AddSection id="add-duty" title="Add a duty">
          <DutyForm orgId={orgId} orgSlug={orgSlug} idPrefix="new-duty" />
        </AddSection>
      )}

      <p role="status" className="sr-only">
        {announcement}
      </p>

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <p className="font-medium text-slate-900 dark:text-slate-100">The catalogue is empty.</p>
          <p className="mt-1 text-sm">
            Duties are the things every product team has to get done, like “Roadmap prioritisation” or “Stakeholder
            communication”. Each one becomes a row in every team&apos;s matrix, where you say which slot is accountable
            for it. {canEdit ? "Add the first one above, or " : "A Manager can add them, or "}
            <Link href={`/${orgSlug}/import-export`} className="text-indigo-600 underline dark:text-indigo-400">
              import a map
            </Link>{" "}
            that has them.
          </p>
        </div>
      ) : (
        <section aria-labelledby="catalogue-heading" className="space-y-3">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id="catalogue-heading" className="font-semibold">
              Catalogue
            </h2>
            {canEdit && (
              <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
                {duties.isSaving ? "Saving…" : duties.hasSaved ? "All changes saved." : ""}
              </p>
            )}
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {countNoun(rows.length, "duty", "duties")}, {requiredCount} required. Every team&apos;s matrix lists them in
            this order; a required duty needs exactly one accountable slot in each team.
            {canEdit && " Drag a duty to move it, or use Move up and Move down, which work with Tab and Enter as well."}
          </p>
          <ol
            aria-label="Duty catalogue"
            className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
          >
            {rows.map((row, index) => {
              const isEditing = editingId === row.duty.id;
              const actions = actionsFor(row, index);
              const { dragClassName, ...drag } = dragProps(row, index);
              return (
                <li
                  key={row.duty.id}
                  data-duty={row.duty.key}
                  draggable={canEdit && !isEditing}
                  {...drag}
                  className={`flex flex-wrap items-start gap-x-4 gap-y-2 p-4 ${dragClassName}`}
                >
                  <span
                    aria-hidden
                    className="flex w-8 shrink-0 items-center justify-end gap-1 pt-0.5 text-sm tabular-nums text-slate-600 dark:text-slate-400"
                  >
                    {canEdit && !isEditing && (
                      <span className="cursor-grab select-none text-slate-400" title="Drag to move">
                        ⠿
                      </span>
                    )}
                    {index + 1}.
                  </span>
                  <div className="min-w-0 flex-1 basis-64">
                    <DutyRowContent orgId={orgId} orgSlug={orgSlug} row={row} isEditing={isEditing} actions={actions} />
                  </div>
                  {canEdit && !isEditing && (
                    <DutyRowControls
                      row={row}
                      isFirst={index === 0}
                      isLast={index === rows.length - 1}
                      actions={actions}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <RemoveDutyDialog
        removing={removing}
        isPending={duties.remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={remove}
      />
    </div>
  );
}
