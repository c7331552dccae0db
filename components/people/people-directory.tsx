"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { AddSection } from "@/components/ui/add-section";
import { useToast } from "@/components/ui/toast";
import { usePeopleMutations } from "@/lib/client/people";
import { useOrgMap, type TMapState } from "@/lib/client/queries";
import { useSettledValue } from "@/lib/client/use-settled-value";
import { countNoun } from "@/lib/domain/count-noun";
import {
  PEOPLE_FIND_MAX_LENGTH,
  PEOPLE_PAGE_SIZE,
  peopleRows,
  type TPeopleQuery,
  type TPersonRow,
} from "@/lib/domain/people-view";
import { editButtonId, PeopleTable } from "./people-table";
import { PersonForm } from "./person-form";
import { RemovePersonDialog } from "./remove-person-dialog";

type TProps = {
  orgId: string;
  orgSlug: string;
  canEdit: boolean;
  /** The first page of everyone (FIRST_PEOPLE_PAGE), as the server rendered it. */
  initial: TMapState;
};

const PAGE_BUTTON =
  "rounded-md px-3 py-1.5 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50 dark:ring-slate-700 dark:hover:bg-slate-800";

/**
 * Everyone in the organisation: the slots they hold, their allocation against capacity, and their flags; found by
 * name or email, filtered to those over capacity, a page at a time. The server finds and pages them (a large
 * organisation has thousands); the browser analyses the page's people with their slots, which gives each of them
 * the flags the whole map does.
 */
export function PeopleDirectory({ orgId, orgSlug, canEdit, initial }: TProps) {
  const toast = useToast();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TPersonRow | null>(null);
  const [nameFilter, setNameFilter] = useState("");
  const find = useSettledValue(nameFilter.trim());
  const [isOverloadedOnly, setIsOverloadedOnly] = useState(false);
  const [pageIndex, setPageIndex] = useState(0);
  // What a new search matches starts on its first page. (Set while rendering, as React advises for state that
  // follows from other state.)
  const [pagedFind, setPagedFind] = useState(find);
  if (pagedFind !== find) {
    setPagedFind(find);
    setPageIndex(0);
  }
  const query: TPeopleQuery = {
    find: find || undefined,
    isOverloadedOnly: isOverloadedOnly || undefined,
    offset: pageIndex * PEOPLE_PAGE_SIZE,
    limit: PEOPLE_PAGE_SIZE,
  };
  const isFirstPage = !query.find && !query.isOverloadedOnly && pageIndex === 0;
  const { data, map, analysis, isFetching, isPlaceholderData } = useOrgMap({
    orgId,
    orgSlug,
    scope: { people: query },
    initial: isFirstPage ? initial : undefined,
    keepPrevious: true,
  });
  const shown = useMemo(() => (map && analysis ? peopleRows(map, analysis) : []), [map, analysis]);
  const counts = data?.peopleCounts ?? { total: shown.length, matching: shown.length, overloaded: 0 };
  const pageCount = Math.max(1, Math.ceil(counts.matching / PEOPLE_PAGE_SIZE));
  // A removal (here or in another tab) can leave fewer pages than the one asked for: show the last.
  if (!isPlaceholderData && pageIndex > pageCount - 1) setPageIndex(pageCount - 1);
  const page = Math.min(pageIndex, pageCount - 1);

  const { remove } = usePeopleMutations({ orgId, orgSlug });
  const confirmRemove = (row: TPersonRow) =>
    remove.mutate(row.person.id, {
      onSuccess: ({ deleted }) => {
        const vacated = deleted.vacatedSlots;
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

  return (
    <div className="space-y-6">
      {canEdit && (
        <AddSection id="add-person" title="Add a person">
          <PersonForm orgId={orgId} orgSlug={orgSlug} idPrefix="new-person" />
        </AddSection>
      )}

      {counts.total === 0 ? (
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
            {countNoun(counts.total, "person", "people")}
            {counts.overloaded > 0 && `, ${counts.overloaded} over capacity`}. Allocation is in full-time equivalents
            (FTE): 1.0 is one full-time person.
          </p>
          <div className="flex flex-wrap items-end gap-4">
            <label className="text-sm">
              <span className="block font-medium">Find</span>
              <input
                type="search"
                value={nameFilter}
                onChange={(event) => setNameFilter(event.target.value)}
                placeholder="Name or email"
                maxLength={PEOPLE_FIND_MAX_LENGTH}
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
              {isPlaceholderData
                ? "Finding…"
                : counts.matching === 0
                  ? "Nobody matches."
                  : `Showing ${(page * PEOPLE_PAGE_SIZE + 1).toLocaleString("en")}–${(page * PEOPLE_PAGE_SIZE + shown.length).toLocaleString("en")} of ${counts.matching.toLocaleString("en")}`}
            </p>
          </div>
          <PeopleTable
            orgId={orgId}
            orgSlug={orgSlug}
            rows={shown}
            canEdit={canEdit}
            editingId={editingId}
            onEdit={(personId) => setEditingId(editingId === personId ? null : personId)}
            onStopEditing={stopEditing}
            onRemove={setRemoving}
          />
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
                Page {(page + 1).toLocaleString("en")} of {pageCount.toLocaleString("en")}
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

      <RemovePersonDialog
        removing={removing}
        isPending={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={confirmRemove}
      />
    </div>
  );
}
