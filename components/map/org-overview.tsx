"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { DownloadPngButton } from "@/components/import-export/download-png-button";
import { LinkPending } from "@/components/ui/link-pending";
import { FLAG_KINDS } from "@/lib/domain/analyze-map";
import { RULE_IDS, type TRuleId } from "@/lib/domain/rules";
import {
  selectOverviewRows,
  unpackOverview,
  worstTeams,
  type TPackedOverview,
  type TCellState,
  type TOverviewDuty,
  type TOverviewRow,
  type TOverviewSort,
} from "@/lib/domain/overview";
import { moveInRows } from "./grid-navigation";
import { KIND_LABELS } from "./flag-labels";
import { useOrgOverview, type TOverviewState } from "@/lib/client/queries";
import { teamPagePath } from "@/lib/domain/page-paths";
import { TableFrame } from "@/components/ui/table-frame";

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

/** A row's height before it is measured; rows are this tall unless a long team name wraps. */
const ROW_HEIGHT_PX = 33;
/** Rows the server renders, and the browser before it knows the window's size. */
const FIRST_PAINT_SIZE = { width: 1280, height: 900 };
/**
 * Where the table's rows start on the page, before the browser has measured it (the chart and forms above it put it
 * about 1,000 px down). Starting from 0 made the server render three times the rows the browser then kept: 40
 * instead of 11, a third of the first paint's time at 1,000 teams.
 */
const ESTIMATED_TABLE_TOP_PX = 1_000;
/** Rows drawn into a PNG at most: beyond that the image gets too tall for browsers to draw. */
const PNG_MAX_ROWS = 150;
const ROWS_PER_PAGE_KEY = 10;

function scoreStyle(score: number): string {
  if (score >= 85) return "text-emerald-700 dark:text-emerald-400";
  if (score >= 60) return "text-amber-700 dark:text-amber-400";
  return "text-red-700 dark:text-red-400";
}

/**
 * The organisation at a glance: teams × duties, who is accountable, and where it hurts. The server computes the rows;
 * the table renders only the rows near the window (1,000 teams would be 15,000 cells), and keeps one tab stop: the
 * arrow keys, Page Up/Down, Home and End move between teams, Enter opens one.
 */
export function OrgOverview({
  orgId,
  orgSlug,
  packed,
  pngFileName,
  at,
}: {
  orgId: string;
  orgSlug: string;
  /** The overview as the server rendered it, packed (see packOverview). */
  packed: { overview: TPackedOverview; loadedAt: number };
  pngFileName: string;
  /** A past moment (ISO): the overview as it was then, and team links that stay in it. */
  at?: string;
}) {
  const initial = useMemo<TOverviewState>(
    () => ({ overview: unpackOverview(packed.overview), loadedAt: packed.loadedAt }),
    [packed],
  );
  const { data } = useOrgOverview({ orgId, orgSlug, initial, at });
  const teamHref = (team: { key: string }) => teamPagePath(orgSlug, team, at);
  const overview = data?.overview ?? initial.overview;
  const [nameFilter, setNameFilter] = useState("");
  const [kindFilter, setKindFilter] = useState<TRuleId | "">("");
  // The six default kinds, and any other rule's that some team has (its rule is on).
  const filterKinds = useMemo(() => {
    const present = new Set<TRuleId>(FLAG_KINDS);
    for (const row of overview.rows) for (const kind of row.kinds) present.add(kind);
    return RULE_IDS.filter((kind) => present.has(kind));
  }, [overview.rows]);
  const [sort, setSort] = useState<TOverviewSort>("health");
  const deferredName = useDeferredValue(nameFilter);
  const visible = useMemo(
    () => selectOverviewRows(overview.rows, { name: deferredName, kind: kindFilter, sort }),
    [overview.rows, deferredName, kindFilter, sort],
  );
  const worst = useMemo(() => worstTeams(overview.rows, 3), [overview.rows]);

  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5 sm:gap-4">
        {[
          { label: "Health", value: overview.score === null ? "—" : `${overview.score}/100`, testId: "org-score" },
          { label: "Teams", value: String(overview.rows.length) },
          { label: "Errors", value: String(overview.counts.error) },
          { label: "Warnings", value: String(overview.counts.warning) },
          { label: "Info", value: String(overview.counts.info) },
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
              <Link href={teamHref(row.team)} className="text-indigo-600 underline dark:text-indigo-400">
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
            onChange={(event) => setKindFilter(event.target.value as TRuleId | "")}
            className="mt-1 rounded-md border-0 py-1.5 pl-2 pr-8 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
          >
            <option value="">Any</option>
            {filterKinds.map((kind) => (
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
            onChange={(event) => setSort(event.target.value as TOverviewSort)}
            className="mt-1 rounded-md border-0 py-1.5 pl-2 pr-8 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
          >
            <option value="health">Worst health first</option>
            <option value="name">Name</option>
          </select>
        </label>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {visible.length === overview.rows.length
            ? `${visible.length} ${visible.length === 1 ? "team" : "teams"}`
            : `${visible.length} of ${overview.rows.length} teams`}
        </p>
        <ul aria-label="Legend" className="ml-auto flex flex-wrap gap-3 text-xs">
          {(Object.keys(STATE_STYLES) as TCellState[]).map((state) => (
            <li key={state} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block size-3 rounded-sm ${STATE_STYLES[state].className}`} />
              {STATE_STYLES[state].label}
            </li>
          ))}
        </ul>
      </div>

      {overview.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No teams yet. Create your first team, or import a map, to see who owns what.
        </p>
      ) : (
        <OverviewTable teamHref={teamHref} duties={overview.duties} rows={visible} pngFileName={pngFileName} />
      )}
    </div>
  );
}

function OverviewTable({
  teamHref,
  duties,
  rows,
  pngFileName,
}: {
  teamHref: (team: { key: string }) => string;
  duties: TOverviewDuty[];
  rows: TOverviewRow[];
  pngFileName: string;
}) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(ESTIMATED_TABLE_TOP_PX);
  const [isDrawing, setIsDrawing] = useState(false);
  // The row that holds the table's one tab stop, and a row to focus once it is rendered.
  const [activeRow, setActiveRow] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const links = useRef(new Map<number, HTMLAnchorElement>());

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 10,
    scrollMargin,
    initialRect: FIRST_PAINT_SIZE,
    getItemKey: (index) => rows[index]!.team.id,
    // A row's height comes from its ResizeObserver entry, read after the browser's own layout. The default reads
    // offsetHeight as each row mounts, which forces a layout of the whole page per row (76 ms of a cold load's
    // main thread at 1,000 teams); until its entry arrives a row keeps the height it had, or the estimate.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize[0];
      if (box) return Math.round(box.blockSize);
      const key = instance.options.getItemKey(instance.indexFromElement(element));
      return instance.itemSizeCache.get(key) ?? ROW_HEIGHT_PX;
    },
  });

  // Where the table starts on the page moves when what is above it does (the "needs attention" line, a toast), so
  // it is read after every render; it only sets state when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const top = (bodyRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });

  // Keep the tab stop on a row that exists when filters shrink the list.
  const active = Math.min(activeRow, Math.max(rows.length - 1, 0));

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const link = links.current.get(pendingFocus.current);
    if (link) {
      link.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const items = isDrawing
    ? rows.slice(0, PNG_MAX_ROWS).map((row, index) => ({ index, key: row.team.id, start: 0, end: 0 }))
    : virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const paddingTop = !isDrawing && first ? first.start - virtualizer.options.scrollMargin : 0;
  const paddingBottom = !isDrawing && last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  const isActiveRendered = items.some((item) => item.index === active);
  const tabStop = isActiveRendered ? active : (first?.index ?? 0);

  const moveTo = (index: number) => {
    setActiveRow(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const row = Number((event.target as HTMLElement).closest("tr")?.dataset.index ?? NaN);
    if (Number.isNaN(row)) return;
    const next = moveInRows(row, event.key, { rows: rows.length, page: ROWS_PER_PAGE_KEY });
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const prepareDrawing = () => {
    flushSync(() => setIsDrawing(true));
    return {
      restore: () => setIsDrawing(false),
      note:
        rows.length > PNG_MAX_ROWS
          ? `It shows the first ${PNG_MAX_ROWS} of ${rows.length} teams in this order; filter to choose others.`
          : undefined,
    };
  };

  const columns = duties.length + 3;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <DownloadPngButton
          targetId="overview-table"
          fileName={pngFileName}
          description="the overview table"
          prepare={prepareDrawing}
        />
      </div>
      <TableFrame id="overview-table" isBordered>
        <table className="w-full border-collapse text-xs" aria-label="Teams by duty" aria-rowcount={rows.length + 1}>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr aria-rowindex={1}>
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
                <span className="block whitespace-nowrap text-[11px] font-normal">
                  <span className="text-red-700 dark:text-red-400">errors</span>
                  {" / "}
                  <span className="text-amber-700 dark:text-amber-400">warnings</span>
                  {" / "}
                  <span className="text-sky-700 dark:text-sky-400">info</span>
                </span>
              </th>
            </tr>
          </thead>
          <tbody ref={bodyRef} onKeyDown={onKeyDown}>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td colSpan={columns} style={{ height: paddingTop }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              const href = teamHref(row.team);
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  ref={isDrawing ? undefined : virtualizer.measureElement}
                  aria-rowindex={item.index + 2}
                  className="cursor-pointer border-t border-slate-200 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
                  // As the team's link: one way to open a team, which shows that the page is on its way.
                  onClick={() => links.current.get(item.index)?.click()}
                >
                  <th
                    scope="row"
                    className="sticky left-0 bg-white px-3 py-1 text-left text-sm font-medium dark:bg-slate-950"
                  >
                    <Link
                      href={href}
                      // Dozens of rows are on screen and scrolling brings more: prefetching each team would load
                      // the server for pages nobody opens (a team page loads quickly on its own).
                      prefetch={false}
                      ref={(link) => {
                        if (link) links.current.set(item.index, link);
                        else links.current.delete(item.index);
                      }}
                      tabIndex={item.index === tabStop ? 0 : -1}
                      onFocus={() => setActiveRow(item.index)}
                      className="hover:underline"
                      onClick={(event) => event.stopPropagation()}
                    >
                      {row.team.name}
                      <LinkPending />
                    </Link>
                  </th>
                  {row.cells.map((cell, index) => {
                    const duty = duties[index]!;
                    const style = STATE_STYLES[cell.state];
                    return (
                      <td key={duty.id} className="px-0.5 py-0.5">
                        {/* One element a cell (a thousand teams' rows scroll through here): a chip named in words
                            for screen readers, showing the owners' roles. */}
                        <span
                          role="img"
                          aria-label={`${duty.name}: ${style.label}${cell.owners.length > 0 ? ` (${cell.owners.join(", ")})` : ""}`}
                          className={`flex h-7 min-w-10 items-center justify-center rounded font-semibold ${style.className}`}
                          title={`${duty.name}: ${style.label}`}
                        >
                          {cell.owners.length > 0 ? cell.owners.join("·") : cell.state === "unowned" ? "—" : ""}
                        </span>
                      </td>
                    );
                  })}
                  <td className={`px-3 py-1 text-right text-sm font-bold ${scoreStyle(row.score)}`}>{row.score}</td>
                  <td className="whitespace-nowrap px-3 py-1 text-right text-sm">
                    <span className="text-red-700 dark:text-red-400" title="errors">
                      {row.errors}
                      <span className="sr-only"> errors</span>
                    </span>
                    {" / "}
                    <span className="text-amber-700 dark:text-amber-400" title="warnings">
                      {row.warnings}
                      <span className="sr-only"> warnings</span>
                    </span>
                    {" / "}
                    <span className="text-sky-700 dark:text-sky-400" title="info">
                      {row.infos}
                      <span className="sr-only"> info</span>
                    </span>
                  </td>
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={columns} style={{ height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">No team matches these filters.</p>
        )}
      </TableFrame>
    </div>
  );
}
