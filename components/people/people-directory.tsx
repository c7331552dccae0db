"use client";

import Link from "next/link";
import { Fragment, useDeferredValue, useMemo, useState } from "react";
import { useMapWrite, useOrgMap, type TMapState } from "@/components/map/use-org-map";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { countNoun } from "@/lib/domain/count-noun";
import { filterPeopleRows, peopleRows, type TPersonRow } from "@/lib/domain/people-view";
import { AllocationBar } from "./allocation-bar";
import { PersonFlags } from "./person-flags";
import { PersonForm } from "./person-form";

type TProps = { orgId: string; orgSlug: string; canEdit: boolean; initial: TMapState };
type TDeleteAnswer = { deleted: { vacatedSlots: number } };

/** People per page: a large organisation has thousands, and each row lists slots and flags. */
const PAGE_SIZE = 50;

const PAGE_BUTTON =
  "rounded-md px-3 py-1.5 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50 dark:ring-slate-700 dark:hover:bg-slate-800";

function editButtonId(personId: string): string {
  return `edit-person-${personId}`;
}

/**
 * Everyone in the organisation: the slots they hold, their allocation against capacity, and their flags; found by
 * name or email, filtered to those over capacity, a page at a time.
 */
export function PeopleDirectory({ orgId, orgSlug, canEdit, initial }: TProps) {
  const toast = useToast();
  const { map, analysis, isFetching } = useOrgMap({ orgId, orgSlug, scope: "people", initial });
  const rows = useMemo(() => (map && analysis ? peopleRows(map, analysis) : []), [map, analysis]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TPersonRow | null>(null);
  const [nameFilter, setNameFilter] = useState("");
  const [isOverloadedOnly, setIsOverloadedOnly] = useState(false);
  const [pageIndex, setPageIndex] = useState(0);
  const deferredName = useDeferredValue(nameFilter);
  const matching = useMemo(
    () => filterPeopleRows(rows, { text: deferredName, isOverloadedOnly }),
    [rows, deferredName, isOverloadedOnly],
  );
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  // A filter or a removal can leave fewer pages than the one shown.
  const page = Math.min(pageIndex, pageCount - 1);
  const shown = matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const remove = useMapWrite({
    orgId,
    write: (row: TPersonRow) =>
      apiFetch<TDeleteAnswer>(`/api/v1/orgs/${orgSlug}/people/${row.person.id}`, { method: "DELETE" }),
  });
  const confirmRemove = (row: TPersonRow) =>
    remove.mutate(row, {
      onSuccess: (result) => {
        // useMapWrite keeps the answer's type loose; `write` above says what DELETE answers.
        const vacated = (result as TDeleteAnswer).deleted.vacatedSlots;
        toast.show(
          vacated === 0
            ? `Removed ${row.person.name}.`
            : `Removed ${row.person.name}; ${countNoun(vacated, "slot")} ${vacated === 1 ? "is" : "are"} now vacant.`,
          "success",
        );
      },
      onSettled: () => setRemoving(null),
    });

  const stopEditing = (personId: string) => {
    setEditingId(null);
    requestAnimationFrame(() => document.getElementById(editButtonId(personId))?.focus());
  };

  if (!map || !analysis) {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {isFetching ? "Loading people…" : "The map could not be loaded. Reload the page to try again."}
      </p>
    );
  }

  const overloaded = rows.filter((row) => row.isOverloaded).length;
  const columns = canEdit ? 5 : 4;
  return (
    <div className="space-y-6">
      {canEdit && (
        <section
          aria-labelledby="add-person-heading"
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="add-person-heading" className="mb-3 font-semibold">
            Add a person
          </h2>
          <PersonForm orgId={orgId} orgSlug={orgSlug} idPrefix="new-person" />
        </section>
      )}

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <p className="font-medium text-slate-900 dark:text-slate-100">No people yet.</p>
          <p className="mt-1 text-sm">
            People hold the PO, PM and other slots of your teams. {canEdit ? "Add someone above, then " : "Once a "}
            {canEdit ? "pick them as a slot's holder on a team page" : "Manager adds people, they show here"}; Remit
            adds up their allocations and warns when someone is stretched too thin. You can also{" "}
            <Link href={`/${orgSlug}/import-export`} className="text-indigo-600 underline dark:text-indigo-400">
              import a whole map
            </Link>
            .
          </p>
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {countNoun(rows.length, "person", "people")}
            {overloaded > 0 && `, ${overloaded} over capacity`}. Allocation is in full-time equivalents (FTE): 1.0 is
            one full-time person.
          </p>
          <div className="flex flex-wrap items-end gap-4">
            <label className="text-sm">
              <span className="block font-medium">Find</span>
              <input
                type="search"
                value={nameFilter}
                onChange={(event) => {
                  setNameFilter(event.target.value);
                  setPageIndex(0);
                }}
                placeholder="Name or email"
                className="mt-1 rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
              />
            </label>
            <label className="flex items-center gap-2 pb-1.5 text-sm">
              <input
                type="checkbox"
                checked={isOverloadedOnly}
                onChange={(event) => {
                  setIsOverloadedOnly(event.target.checked);
                  setPageIndex(0);
                }}
                className="size-4 rounded border-slate-300 dark:border-slate-700"
              />
              Only people over capacity
            </label>
            <p role="status" className="pb-1.5 text-sm text-slate-600 dark:text-slate-400">
              {matching.length === 0
                ? "Nobody matches."
                : `Showing ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + shown.length} of ${matching.length}`}
            </p>
          </div>
          <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <table className="w-full border-collapse text-left text-sm" aria-label="People">
              <thead className="bg-slate-50 text-slate-600 dark:bg-slate-900 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Person
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Slots
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Allocation (FTE)
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Flags
                  </th>
                  {canEdit && (
                    <th scope="col" className="px-3 py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => {
                  const { person } = row;
                  return (
                    <Fragment key={person.id}>
                      <tr className="border-t border-slate-200 align-top dark:border-slate-800">
                        <th scope="row" className="px-3 py-3 font-normal">
                          <Link
                            href={`/${orgSlug}/people/${person.id}`}
                            className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                          >
                            {person.name}
                          </Link>
                          {person.email && (
                            <span className="block text-xs text-slate-600 dark:text-slate-400">{person.email}</span>
                          )}
                        </th>
                        <td className="px-3 py-3">
                          {row.holdings.length === 0 ? (
                            <span className="text-slate-600 dark:text-slate-400">No slots</span>
                          ) : (
                            <ul className="space-y-0.5">
                              {row.holdings.map((holding) => (
                                <li key={holding.slot.id} className="whitespace-nowrap">
                                  <Link
                                    href={`/${orgSlug}/teams/${holding.team.id}`}
                                    className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-2 dark:text-indigo-300 dark:decoration-indigo-700"
                                  >
                                    {holding.team.name}
                                  </Link>
                                  <span className="text-slate-600 dark:text-slate-400"> · </span>
                                  {holding.label}
                                  <span className="text-slate-600 dark:text-slate-400">
                                    {" "}
                                    ({Math.round(holding.slot.allocation * 100)}%)
                                  </span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className="px-3 py-3">
                          <AllocationBar
                            allocated={row.allocated}
                            capacity={person.capacity}
                            isOverloaded={row.isOverloaded}
                          />
                        </td>
                        <td className="max-w-md px-3 py-3">
                          <PersonFlags flags={row.flags} />
                        </td>
                        {canEdit && (
                          <td className="whitespace-nowrap px-3 py-3 text-right">
                            <button
                              id={editButtonId(person.id)}
                              type="button"
                              onClick={() => setEditingId(editingId === person.id ? null : person.id)}
                              aria-expanded={editingId === person.id}
                              aria-label={`Edit ${person.name}`}
                              className="rounded font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              onClick={() => setRemoving(row)}
                              aria-label={`Remove ${person.name}`}
                              className="ml-3 rounded font-medium text-red-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-red-400"
                            >
                              Remove
                            </button>
                          </td>
                        )}
                      </tr>
                      {editingId === person.id && (
                        <tr className="bg-slate-50 dark:bg-slate-900/60">
                          <td colSpan={columns} className="px-3 py-3">
                            <PersonForm
                              orgId={orgId}
                              orgSlug={orgSlug}
                              idPrefix={`edit-${person.id}`}
                              person={person}
                              onDone={() => stopEditing(person.id)}
                              onCancel={() => stopEditing(person.id)}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <nav aria-label="Pages of people" className="flex items-center justify-between gap-4 text-sm">
              <button
                type="button"
                onClick={() => setPageIndex(page - 1)}
                disabled={page === 0}
                className={PAGE_BUTTON}
              >
                ← Previous
              </button>
              <span>
                Page {page + 1} of {pageCount}
              </span>
              <button
                type="button"
                onClick={() => setPageIndex(page + 1)}
                disabled={page === pageCount - 1}
                className={PAGE_BUTTON}
              >
                Next →
              </button>
            </nav>
          )}
        </>
      )}

      <ConfirmDialog
        isOpen={removing !== null}
        title={removing ? `Remove ${removing.person.name}?` : ""}
        confirmLabel={removing ? `Remove ${removing.person.name}` : "Remove"}
        pendingLabel="Removing…"
        isPending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) confirmRemove(removing);
        }}
      >
        {removing && removing.holdings.length === 0 && (
          <p>They hold no slots, so no team changes. This cannot be undone.</p>
        )}
        {removing && removing.holdings.length > 0 && (
          <>
            <p>
              These {countNoun(removing.holdings.length, "slot")} become vacant; their duties stay with the slot until
              you give it a new holder:
            </p>
            <ul className="list-disc pl-5" aria-label="Slots that become vacant">
              {removing.holdings.map((holding) => (
                <li key={holding.slot.id}>
                  {holding.team.name} · {holding.label}
                </li>
              ))}
            </ul>
            <p>This cannot be undone.</p>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
