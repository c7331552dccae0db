"use client";

import Link from "next/link";
import { Fragment } from "react";
import type { TPersonRow } from "@/lib/domain/people-view";
import { AllocationBar } from "./allocation-bar";
import { PersonFlags } from "./person-flags";
import { PersonForm } from "./person-form";
import { personPagePath, teamPagePath } from "@/lib/domain/page-paths";
import { TableFrame } from "@/components/ui/table-frame";

export function editButtonId(personId: string): string {
  return `edit-person-${personId}`;
}

/** A page of people: their slots, allocation and flags, and for editors Edit (in place) and Remove. */
export function PeopleTable({
  orgId,
  orgSlug,
  rows,
  canEdit,
  editingId,
  onEdit,
  onStopEditing,
  onRemove,
}: {
  orgId: string;
  orgSlug: string;
  rows: readonly TPersonRow[];
  canEdit: boolean;
  editingId: string | null;
  onEdit: (personId: string) => void;
  onStopEditing: (personId: string) => void;
  onRemove: (row: TPersonRow) => void;
}) {
  const columns = canEdit ? 5 : 4;
  return (
    <TableFrame isBordered>
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
          {rows.map((row) => {
            const { person } = row;
            return (
              <Fragment key={person.id}>
                <tr className="border-t border-slate-200 align-top dark:border-slate-800">
                  <th scope="row" className="px-3 py-3 font-normal">
                    <Link
                      href={personPagePath(orgSlug, person)}
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
                              href={teamPagePath(orgSlug, holding.team)}
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
                        onClick={() => onEdit(person.id)}
                        aria-expanded={editingId === person.id}
                        aria-label={`Edit ${person.name}`}
                        className="rounded font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        onClick={() => onRemove(row)}
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
                        onDone={() => onStopEditing(person.id)}
                        onCancel={() => onStopEditing(person.id)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}
