"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { FLAG_KINDS, type TFlagKind } from "@/lib/domain/analyze-map";
import { overviewRows, type TCellState } from "@/lib/domain/overview";
import { useOrgMap, type TMapState } from "./use-org-map";

const STATE_STYLES: Record<TCellState, { className: string; label: string }> = {
  owned: { className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/70 dark:text-emerald-100", label: "owned" },
  unowned: { className: "bg-red-600 text-white dark:bg-red-700", label: "nobody accountable" },
  shared: {
    className: "bg-orange-400 text-orange-950 dark:bg-orange-400 dark:text-orange-950",
    label: "shared ownership",
  },
  vacant_owner: {
    className: "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50",
    label: "owned by a vacant slot",
  },
  optional_unowned: {
    className: "bg-slate-100 text-slate-400 dark:bg-slate-800 dark:text-slate-600 dark:text-slate-400",
    label: "optional, unowned",
  },
};

const KIND_LABELS: Record<TFlagKind, string> = {
  unowned_duty: "Unowned duty",
  shared_ownership: "Shared ownership",
  vacant_slot: "Vacant slot",
  dual_role: "Dual role",
  overloaded_person: "Overloaded person",
  idle_slot: "Idle slot",
};

function scoreStyle(score: number): string {
  if (score >= 85) return "text-emerald-700 dark:text-emerald-400";
  if (score >= 60) return "text-amber-700 dark:text-amber-400";
  return "text-red-700 dark:text-red-400";
}

/** The organisation at a glance: teams × duties, who is accountable, and where it hurts. */
export function OrgOverview({ orgId, orgSlug, initial }: { orgId: string; orgSlug: string; initial: TMapState }) {
  const router = useRouter();
  const { map, analysis } = useOrgMap({ orgId, orgSlug, initial });
  const [nameFilter, setNameFilter] = useState("");
  const [kindFilter, setKindFilter] = useState<TFlagKind | "">("");
  const [sort, setSort] = useState<"name" | "health">("health");
  const deferredName = useDeferredValue(nameFilter);

  const rows = useMemo(() => (map && analysis ? overviewRows(map, analysis) : []), [map, analysis]);
  const visible = useMemo(() => {
    const needle = deferredName.trim().toLowerCase();
    const filtered = rows.filter(
      (row) => (!needle || row.team.name.toLowerCase().includes(needle)) && (!kindFilter || row.kinds.has(kindFilter)),
    );
    return filtered.sort((a, b) =>
      sort === "health"
        ? a.score - b.score || a.team.name.localeCompare(b.team.name)
        : a.team.name.localeCompare(b.team.name),
    );
  }, [rows, deferredName, kindFilter, sort]);

  if (!map || !analysis) return null;
  const duties = rows[0]?.cells.map((cell) => cell.duty) ?? [];
  const worst = [...rows]
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .filter((row) => row.score < 100);

  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        {[
          { label: "Health", value: analysis.score === null ? "—" : `${analysis.score}/100`, testId: "org-score" },
          { label: "Teams", value: String(map.teams.length) },
          { label: "Errors", value: String(analysis.counts.bySeverity.error) },
          { label: "Warnings", value: String(analysis.counts.bySeverity.warning) },
          { label: "Info", value: String(analysis.counts.bySeverity.info) },
        ].map((stat) => (
          <div key={stat.label} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-sm text-slate-600 dark:text-slate-400">{stat.label}</dt>
            <dd className="text-2xl font-bold" data-testid={stat.testId}>
              {stat.value}
            </dd>
          </div>
        ))}
      </dl>

      {worst.length > 0 && (
        <p className="text-sm">
          <span className="font-medium">Needs attention: </span>
          {worst.map((row, index) => (
            <span key={row.team.id}>
              {index > 0 && ", "}
              <Link
                href={`/${orgSlug}/teams/${row.team.id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                {row.team.name}
              </Link>{" "}
              <span className={scoreStyle(row.score)}>({row.score})</span>
            </span>
          ))}
        </p>
      )}

      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm">
          <span className="block font-medium">Team</span>
          <input
            type="search"
            value={nameFilter}
            onChange={(event) => setNameFilter(event.target.value)}
            placeholder="Filter by name"
            className="mt-1 rounded-md border-0 px-2 py-1.5 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Flag</span>
          <select
            value={kindFilter}
            onChange={(event) => setKindFilter(event.target.value as TFlagKind | "")}
            className="mt-1 rounded-md border-0 py-1.5 pl-2 pr-8 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
          >
            <option value="">Any</option>
            {FLAG_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Sort</span>
          <select
            value={sort}
            onChange={(event) => setSort(event.target.value as "name" | "health")}
            className="mt-1 rounded-md border-0 py-1.5 pl-2 pr-8 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
          >
            <option value="health">Worst health first</option>
            <option value="name">Name</option>
          </select>
        </label>
        <ul aria-label="Legend" className="ml-auto flex flex-wrap gap-3 text-xs">
          {(Object.keys(STATE_STYLES) as TCellState[]).map((state) => (
            <li key={state} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block size-3 rounded-sm ${STATE_STYLES[state].className}`} />
              {STATE_STYLES[state].label}
            </li>
          ))}
        </ul>
      </div>

      {map.teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No teams yet. Create your first team, or import a map, to see who owns what.
        </p>
      ) : (
        <div id="overview-table" className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full border-collapse text-xs" aria-label="Teams by duty">
            <thead className="bg-slate-50 dark:bg-slate-900">
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 bg-slate-50 px-3 py-2 text-left text-sm font-medium dark:bg-slate-900"
                >
                  Team
                </th>
                {duties.map((duty) => (
                  <th
                    key={duty.id}
                    scope="col"
                    className="max-w-24 px-1 py-2 text-center font-medium"
                    title={duty.description}
                  >
                    {duty.name}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2 text-right text-sm font-medium">
                  Health
                </th>
                <th scope="col" className="px-3 py-2 text-right text-sm font-medium">
                  Flags
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => {
                const href = `/${orgSlug}/teams/${row.team.id}`;
                return (
                  <tr
                    key={row.team.id}
                    className="cursor-pointer border-t border-slate-200 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
                    onClick={() => router.push(href)}
                  >
                    <th
                      scope="row"
                      className="sticky left-0 bg-white px-3 py-1.5 text-left text-sm font-medium dark:bg-slate-950"
                    >
                      <Link href={href} className="hover:underline" onClick={(event) => event.stopPropagation()}>
                        {row.team.name}
                      </Link>
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.duty.id} className="px-0.5 py-0.5">
                        <span
                          className={`flex h-7 min-w-10 items-center justify-center rounded font-semibold ${STATE_STYLES[cell.state].className}`}
                          title={`${cell.duty.name}: ${STATE_STYLES[cell.state].label}`}
                        >
                          <span className="sr-only">
                            {cell.duty.name}: {STATE_STYLES[cell.state].label}
                            {cell.owners.length > 0 ? ` (${cell.owners.join(", ")})` : ""}
                          </span>
                          <span aria-hidden>
                            {cell.owners.length > 0 ? cell.owners.join("·") : cell.state === "unowned" ? "—" : ""}
                          </span>
                        </span>
                      </td>
                    ))}
                    <td className={`px-3 py-1.5 text-right text-sm font-bold ${scoreStyle(row.score)}`}>{row.score}</td>
                    <td className="whitespace-nowrap px-3 py-1.5 text-right text-sm">
                      <span className="text-red-700 dark:text-red-400" title="errors">
                        {row.errors}
                      </span>
                      {" / "}
                      <span className="text-amber-700 dark:text-amber-400" title="warnings">
                        {row.warnings}
                      </span>
                      {" / "}
                      <span className="text-sky-700 dark:text-sky-400" title="info">
                        {row.infos}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {visible.length === 0 && (
            <p className="p-4 text-sm text-slate-600 dark:text-slate-400">No team matches these filters.</p>
          )}
        </div>
      )}
    </div>
  );
}
