"use client";

import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { mapQueryKey, useMapWrite, useOrgMap, type TMapState } from "@/components/map/use-org-map";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { countNoun } from "@/lib/domain/count-noun";
import { dutyRows, withDutyMoved, type TDutyRow } from "@/lib/domain/duty-rows";
import type { TDuty, TRemitMap } from "@/lib/domain/model";
import type { TUpdateDuty } from "@/lib/validation/duties";
import { DutyForm } from "./duty-form";

type TProps = { orgId: string; orgSlug: string; canEdit: boolean; initial: TMapState };
type TDirection = "up" | "down";
type TDeleteAnswer = { deleted: { assignments: number } };

function moveButtonId(dutyId: string, direction: TDirection): string {
  return `move-${direction}-${dutyId}`;
}

function editButtonId(dutyId: string): string {
  return `edit-duty-${dutyId}`;
}

const CONTROL =
  "rounded-md px-2 py-1 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-40";
const NEUTRAL_CONTROL = `${CONTROL} ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800`;

/**
 * The organisation's duty catalogue: the rows of every team's matrix, in order. Editors add, rename, describe,
 * reorder (drag and drop, or Move up / Move down by mouse or keyboard), mark required or optional, and remove
 * duties.
 */
export function DutyCatalogue({ orgId, orgSlug, canEdit, initial }: TProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = mapQueryKey(orgId);
  const { map, isFetching } = useOrgMap({ orgId, orgSlug, initial });
  const rows = useMemo(() => (map ? dutyRows(map) : []), [map]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TDutyRow | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // After a move the list re-renders in its new order; focus follows the duty that moved.
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

  const patchKey = [orgId, "duties", "patch"];
  const savingCount = useIsMutating({ mutationKey: patchKey });
  const [hasSaved, setHasSaved] = useState(false);
  const patch = useMutation({
    mutationKey: patchKey,
    // One at a time and in order: each move is a position in the catalogue as the previous move left it.
    scope: { id: `${orgId}:duty-catalogue` },
    mutationFn: ({ duty, changes }: { duty: TDuty; changes: TUpdateDuty }) =>
      apiFetch(`/api/v1/orgs/${orgSlug}/duties/${duty.id}`, { method: "PATCH", body: changes }),
    onSuccess: () => setHasSaved(true),
    onError: (error, { duty }) =>
      toast.show(
        `${duty.name} was not changed: ${error instanceof Error ? error.message : "the server did not answer."} The catalogue shows what is saved.`,
        "error",
      ),
    onSettled: () => {
      // The last change in the queue reloads the map; on an error that puts back what the server has.
      if (queryClient.isMutating({ mutationKey: patchKey }) <= 1) void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  /** Shows the change at once, then saves it. */
  const change = (duty: TDuty, changes: TUpdateDuty, preview: (map: TRemitMap) => TRemitMap) => {
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<TMapState>(key, (state) => state && { ...state, map: preview(state.map) });
    patch.mutate({ duty, changes });
  };

  const moveTo = (row: TDutyRow, position: number) => {
    if (position < 0 || position >= rows.length) return;
    setAnnouncement(`${row.duty.name} moved to position ${position + 1} of ${rows.length}.`);
    change(row.duty, { order: position }, (current) => withDutyMoved(current, row.duty.id, position));
  };

  const move = (row: TDutyRow, index: number, direction: TDirection) => {
    focusAfterRender.current = { dutyId: row.duty.id, direction };
    moveTo(row, direction === "up" ? index - 1 : index + 1);
  };

  // Drag and drop, for the mouse: a duty dropped on another takes its place.
  const [dragged, setDragged] = useState<TDutyRow | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const endDrag = () => {
    setDragged(null);
    setDropIndex(null);
  };

  const setRequired = (duty: TDuty, required: boolean) => {
    setAnnouncement(`${duty.name} is now ${required ? "required" : "optional"}.`);
    change(duty, { required }, (current) => ({
      ...current,
      duties: current.duties.map((candidate) => (candidate.id === duty.id ? { ...candidate, required } : candidate)),
    }));
  };

  const stopEditing = (dutyId: string) => {
    setEditingId(null);
    requestAnimationFrame(() => document.getElementById(editButtonId(dutyId))?.focus());
  };

  const remove = useMapWrite({
    orgId,
    write: (row: TDutyRow) =>
      apiFetch<TDeleteAnswer>(`/api/v1/orgs/${orgSlug}/duties/${row.duty.id}`, {
        method: "DELETE",
      }),
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
        <section
          aria-labelledby="add-duty-heading"
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="add-duty-heading" className="mb-3 font-semibold">
            Add a duty
          </h2>
          <DutyForm orgId={orgId} orgSlug={orgSlug} idPrefix="new-duty" />
        </section>
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
                {savingCount > 0 ? "Saving…" : hasSaved ? "All changes saved." : ""}
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
              const { duty } = row;
              const isEditing = editingId === duty.id;
              return (
                <li
                  key={duty.id}
                  data-duty={duty.key}
                  draggable={canEdit && !isEditing}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = "move";
                    event.dataTransfer.setData("text/plain", duty.name);
                    setDragged(row);
                  }}
                  onDragOver={(event) => {
                    if (!dragged) return;
                    event.preventDefault();
                    if (dropIndex !== index) setDropIndex(index);
                  }}
                  onDrop={(event) => {
                    event.preventDefault();
                    const from = rows.findIndex((candidate) => candidate.duty.id === dragged?.duty.id);
                    if (dragged && from !== index) moveTo(dragged, index);
                    endDrag();
                  }}
                  onDragEnd={endDrag}
                  className={`flex flex-wrap items-start gap-x-4 gap-y-2 p-4 ${
                    dragged?.duty.id === duty.id ? "opacity-50" : ""
                  } ${
                    dropIndex === index && dragged && dragged.duty.id !== duty.id
                      ? "outline-2 -outline-offset-2 outline-indigo-500"
                      : ""
                  }`}
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
                    {isEditing ? (
                      <DutyForm
                        orgId={orgId}
                        orgSlug={orgSlug}
                        idPrefix={`edit-${duty.id}`}
                        duty={duty}
                        onCancel={() => stopEditing(duty.id)}
                        onSave={(changes) => {
                          change(duty, changes, (current) => ({
                            ...current,
                            duties: current.duties.map((candidate) =>
                              candidate.id === duty.id
                                ? {
                                    ...candidate,
                                    name: changes.name?.trim() ?? candidate.name,
                                    description: changes.description?.trim() ?? candidate.description,
                                  }
                                : candidate,
                            ),
                          }));
                          stopEditing(duty.id);
                        }}
                      />
                    ) : (
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
                        {duty.description && (
                          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{duty.description}</p>
                        )}
                        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                          {row.assignmentCount === 0
                            ? "Not assigned in any team yet."
                            : `${countNoun(row.assignmentCount, "assignment")} in ${countNoun(row.teamCount, "team")}.`}
                        </p>
                      </>
                    )}
                  </div>
                  {canEdit && !isEditing && (
                    <div className="flex flex-wrap items-center gap-2">
                      <button
                        id={moveButtonId(duty.id, "up")}
                        type="button"
                        className={NEUTRAL_CONTROL}
                        disabled={index === 0}
                        aria-label={`Move ${duty.name} up`}
                        title="Move up"
                        onClick={() => move(row, index, "up")}
                      >
                        <span aria-hidden>↑</span>
                      </button>
                      <button
                        id={moveButtonId(duty.id, "down")}
                        type="button"
                        className={NEUTRAL_CONTROL}
                        disabled={index === rows.length - 1}
                        aria-label={`Move ${duty.name} down`}
                        title="Move down"
                        onClick={() => move(row, index, "down")}
                      >
                        <span aria-hidden>↓</span>
                      </button>
                      <label className="ml-2 flex items-center gap-1.5 text-sm">
                        <input
                          type="checkbox"
                          checked={duty.required}
                          onChange={(event) => setRequired(duty, event.target.checked)}
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
                        onClick={() => setEditingId(duty.id)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className={`${CONTROL} text-red-700 ring-red-300 hover:bg-red-50 dark:text-red-400 dark:ring-red-900 dark:hover:bg-red-950`}
                        aria-label={`Remove ${duty.name}`}
                        onClick={() => setRemoving(row)}
                      >
                        Remove
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <ConfirmDialog
        isOpen={removing !== null}
        title={removing ? `Remove ${removing.duty.name}?` : ""}
        confirmLabel={removing ? `Remove ${removing.duty.name}` : "Remove"}
        pendingLabel="Removing…"
        isPending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing, {
            onSuccess: (result) => {
              // useMapWrite keeps the answer's type loose; `write` above says what DELETE answers.
              const { deleted } = result as TDeleteAnswer;
              toast.show(
                `Removed ${removing.duty.name} and ${countNoun(deleted.assignments, "assignment")} with it.`,
                "success",
              );
            },
            onSettled: () => setRemoving(null),
          });
        }}
      >
        {removing && (
          <>
            <p>
              It leaves the catalogue and every team&apos;s matrix.{" "}
              {removing.assignmentCount === 0 ? (
                "No team has assigned it, so no assignments go with it."
              ) : (
                <strong className="font-semibold text-slate-900 dark:text-slate-100">
                  {countNoun(removing.assignmentCount, "assignment")} in {countNoun(removing.teamCount, "team")} go
                  {removing.assignmentCount === 1 ? "es" : ""} with it.
                </strong>
              )}
            </p>
            <p>This cannot be undone.</p>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
