"use client";

import Link from "next/link";
import { useMemo } from "react";
import { LEVEL_LETTERS, LEVEL_NAMES, LEVEL_STYLES } from "@/components/map/levels";
import { useOrgMap, type TMapState } from "@/lib/client/queries";
import { countNoun } from "@/lib/domain/count-noun";
import { formatFte, peopleRows, personDuties } from "@/lib/domain/people-view";
import { AllocationBar } from "./allocation-bar";
import { PersonFlags } from "./person-flags";
import { teamPagePath } from "@/lib/domain/page-paths";
import { TableFrame } from "@/components/ui/table-frame";

type TProps = { orgId: string; orgSlug: string; personId: string; initial: TMapState };

/** One person: their slots, allocation and flags, and every duty they have across teams, with links to the teams. */
export function PersonDetail({ orgId, orgSlug, personId, initial }: TProps) {
  const scope = useMemo(() => ({ personId }), [personId]);
  const { map, analysis, isFetching } = useOrgMap({ orgId, orgSlug, scope, initial });
  const row = useMemo(
    () => (map && analysis ? peopleRows(map, analysis).find((candidate) => candidate.person.id === personId) : null),
    [map, analysis, personId],
  );
  const duties = useMemo(() => (map ? personDuties(map, personId) : []), [map, personId]);

  if (!row) {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        {isFetching ? "Loading…" : "This person is no longer in the map. They may have been removed a moment ago."}
      </p>
    );
  }
  const { person } = row;
  const firstName = person.name.split(/\s+/)[0] ?? person.name;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{person.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {person.email ?? "No email"} · capacity {formatFte(person.capacity)} FTE
        </p>
      </div>

      <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
        <section
          aria-labelledby="allocation-heading"
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="allocation-heading" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            Allocation (FTE)
          </h2>
          <AllocationBar allocated={row.allocated} capacity={person.capacity} isOverloaded={row.isOverloaded} />
        </section>
        <section
          aria-labelledby="person-flags-heading"
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="person-flags-heading" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
            Flags
          </h2>
          <PersonFlags flags={row.flags} />
        </section>
      </div>

      <section aria-labelledby="slots-heading">
        <h2 id="slots-heading" className="text-lg font-semibold">
          Slots <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({row.holdings.length})</span>
        </h2>
        {row.holdings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {firstName} holds no slots yet. Pick them as the holder of a slot on a team page to give them duties.
          </p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {row.holdings.map((holding) => (
              <li
                key={holding.slot.id}
                className="rounded-md border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-800"
              >
                <Link
                  href={teamPagePath(orgSlug, holding.team)}
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {holding.team.name}
                </Link>{" "}
                · {holding.label}{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  ({Math.round(holding.slot.allocation * 100)}% of their time)
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="duties-heading">
        <h2 id="duties-heading" className="text-lg font-semibold">
          Duties <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({duties.length})</span>
        </h2>
        {duties.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {row.holdings.length === 0
              ? `Duties come with slots: once ${firstName} holds one, the duties of that slot show here.`
              : `${firstName}'s ${row.holdings.length === 1 ? "slot has" : "slots have"} no duties yet. Set levels in the team's matrix.`}
          </p>
        ) : (
          <TableFrame isBordered className="mt-2">
            <table className="w-full border-collapse text-left text-sm" aria-label={`Duties of ${person.name}`}>
              <thead className="bg-slate-50 text-slate-600 dark:bg-slate-900 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Team
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Duty
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Slot
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Level
                  </th>
                </tr>
              </thead>
              <tbody>
                {duties.map((entry) => (
                  <tr
                    key={`${entry.slot.id}:${entry.duty.id}`}
                    className="border-t border-slate-200 dark:border-slate-800"
                  >
                    <td className="px-3 py-2">
                      <Link
                        href={teamPagePath(orgSlug, entry.team)}
                        className="text-indigo-700 hover:underline dark:text-indigo-300"
                      >
                        {entry.team.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      {entry.duty.name}
                      {!entry.duty.required && (
                        <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(optional)</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{entry.slotLabel}</td>
                    <td className="px-3 py-2">
                      <span className="inline-flex items-center gap-2">
                        <span
                          aria-hidden
                          className={`inline-flex size-6 items-center justify-center rounded-md text-xs font-bold ${LEVEL_STYLES[entry.level]}`}
                        >
                          {LEVEL_LETTERS[entry.level]}
                        </span>
                        {LEVEL_NAMES[entry.level]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
        {duties.length > 0 && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            {countNoun(duties.filter((entry) => entry.level === "accountable").length, "duty", "duties")} where{" "}
            {firstName} is accountable.
          </p>
        )}
      </section>
    </div>
  );
}
