"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { JOURNAL_ACTIONS, JOURNAL_ENTITIES } from "@/lib/domain/journal";
import {
  hasHistoryFilters,
  historySearch,
  readHistoryFilters,
  type THistoryFilters,
} from "@/lib/client/history-filters";
import { useJournal, type TJournalGroup, type TJournalInitial } from "@/lib/client/queries";
import { undoRefusal, useUndo } from "@/lib/client/undo";
import { ACTION_LABELS, KIND_LABELS } from "./history-labels";
import { PersonFilter } from "./person-filter";
import { JournalGroup, type TUndoOutcome } from "./journal-group";
import { useLiveState } from "@/components/live/live-provider";

type TNamed = { id: string; key: string; name: string };

/** Relative times ("5 minutes ago") move on by themselves. */
const NOW_EVERY_MS = 30_000;

function useNow(renderedAt: number): number {
  // The server's moment first, so that the first browser render matches the server's.
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, NOW_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

/** The organisation's history: filters (kept in the URL), the actions newest first, Undo, and new ones live. */
/** The filter selects' element ids, as the page has always had them. */
const FILTER_IDS = { teamId: "team", personId: "person", actorId: "actor", kind: "kind", action: "action" } as const;

export function HistoryView({
  orgId,
  orgSlug,
  canUndo,
  teams,
  person,
  members,
  renderedAt,
  initial,
}: {
  orgId: string;
  orgSlug: string;
  /** Managers and Owners undo; Viewers read. */
  canUndo: boolean;
  teams: TNamed[];
  /** The person the rendered filters name, if they are on the map. */
  person: TNamed | null;
  members: { id: string; name: string }[];
  renderedAt: number;
  /** The first page as the server rendered it; null when the browser must fetch it (e.g. refused filters). */
  initial: TJournalInitial | null;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => readHistoryFilters((name) => searchParams.get(name)), [searchParams]);
  const setFilters = useCallback(
    (next: THistoryFilters) => {
      const search = historySearch(next);
      // Next.js follows the History API: the page's search params change without a server round trip.
      window.history.replaceState(null, "", `${pathname}${search ? `?${search}` : ""}`);
    },
    [pathname],
  );
  const setFilter = (name: keyof THistoryFilters, value: string) =>
    setFilters({ ...filters, [name]: value || undefined });

  const journal = useJournal({ orgId, orgSlug, filters, initial });
  // A list fetched a moment ago counts from then, so that its newest action reads "just now".
  const now = Math.max(useNow(renderedAt), journal.dataUpdatedAt);
  // The LiveProvider reloads the journal after every change to the map (and after a reconnect).
  const isLive = useLiveState().status === "live";
  const { undo } = useUndo({ orgId, orgSlug });
  const [outcomes, setOutcomes] = useState<Record<string, TUndoOutcome>>({});

  const groups = useMemo(() => {
    const seen = new Set<string>();
    const all: TJournalGroup[] = [];
    for (const group of journal.data?.pages.flatMap((page) => page.groups) ?? []) {
      if (seen.has(group.groupId)) continue;
      seen.add(group.groupId);
      all.push(group);
    }
    return all;
  }, [journal.data]);
  const byId = useMemo(() => new Map(groups.map((group) => [group.groupId, group])), [groups]);

  const actors = useMemo(() => {
    const known = new Map(members.map((member) => [member.id, member.name]));
    for (const group of groups) {
      for (const actor of [group.actor, group.undoneBy?.actor]) {
        if (actor?.id && !known.has(actor.id)) {
          known.set(actor.id, actor.name);
        }
      }
    }
    if (filters.actorId && !known.has(filters.actorId)) known.set(filters.actorId, "The chosen actor");
    return [...known.entries()].map(([value, label]) => ({ value, label }));
  }, [members, groups, filters.actorId]);

  // The names of the people the filter has named, by the key it keeps.
  const [personNames, setPersonNames] = useState<Record<string, string>>({});
  // And the one each render of the page names (a link followed in the app renders it again).
  const [renderedPerson, setRenderedPerson] = useState<TNamed | null>(null);
  if (person && person !== renderedPerson) {
    setRenderedPerson(person);
    setPersonNames((names) => ({ ...names, [person.key]: person.name, [person.id]: person.name }));
  }
  const personName = filters.personId ? (personNames[filters.personId] ?? "A person no longer on the map") : undefined;

  const withChosen = (items: TNamed[], chosen: string | undefined, noun: string) => {
    const options = items.map((item) => ({ value: item.key, label: item.name }));
    // A link may name an id, or something since deleted: keep it choosable so the select shows the filter.
    if (chosen && !items.some((item) => item.key === chosen)) {
      const match = items.find((item) => item.id === chosen);
      options.push({ value: chosen, label: match ? match.name : `A ${noun} no longer on the map` });
    }
    return options;
  };

  const runUndo = (group: TJournalGroup) => {
    undo.mutate(group.groupId, {
      onSuccess: ({ group: undoGroup }) =>
        setOutcomes((current) => ({ ...current, [group.groupId]: { kind: "done", sentence: undoGroup.sentence } })),
      onError: (error) => {
        const refusal = undoRefusal(error);
        setOutcomes((current) => ({
          ...current,
          [group.groupId]: refusal ? { kind: "refused", refusal } : { kind: "failed", message: error.message },
        }));
      },
    });
  };

  const isFiltered = hasHistoryFilters(filters);
  const isLoadingFirst = journal.isPending || (journal.isPlaceholderData && journal.isFetching);

  return (
    <div className="space-y-6">
      <section
        aria-labelledby="history-filters-heading"
        className="rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/50"
      >
        <div className="flex items-center justify-between gap-4">
          <h2 id="history-filters-heading" className="text-sm font-semibold">
            Filters
          </h2>
          {isFiltered && (
            <button
              type="button"
              onClick={() => setFilters({})}
              className="text-sm font-medium text-indigo-700 hover:text-indigo-600 dark:text-indigo-300 dark:hover:text-indigo-200"
            >
              Clear filters
            </button>
          )}
        </div>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label="Team"
            name="teamId"
            id={`history-${FILTER_IDS.teamId}`}
            value={filters.teamId ?? ""}
            onChange={(event) => setFilter("teamId", event.target.value)}
            options={[{ value: "", label: "All teams" }, ...withChosen(teams, filters.teamId, "team")]}
          />
          <PersonFilter
            orgId={orgId}
            orgSlug={orgSlug}
            id={`history-${FILTER_IDS.personId}`}
            value={filters.personId}
            valueName={personName}
            onChange={(chosen) => {
              if (chosen) setPersonNames((names) => ({ ...names, [chosen.key]: chosen.name }));
              setFilter("personId", chosen?.key ?? "");
            }}
          />
          {(
            [
              ["actorId", "Made by", "Anyone", actors],
              ["kind", "Kind", "Any kind", JOURNAL_ENTITIES.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))],
              [
                "action",
                "Action",
                "Any action",
                JOURNAL_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] })),
              ],
            ] as const
          ).map(([name, label, anyLabel, options]) => (
            <SelectField
              key={name}
              label={label}
              name={name}
              id={`history-${FILTER_IDS[name]}`}
              value={filters[name] ?? ""}
              onChange={(event) => setFilter(name, event.target.value)}
              options={[{ value: "", label: anyLabel }, ...options]}
            />
          ))}
          <TextField
            label="From (UTC day)"
            name="from"
            id="history-from"
            type="date"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(event) => setFilter("from", event.target.value)}
          />
          <TextField
            label="To (UTC day)"
            name="to"
            id="history-to"
            type="date"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(event) => setFilter("to", event.target.value)}
          />
        </div>
      </section>

      <section
        aria-labelledby="history-list-heading"
        aria-busy={isLoadingFirst}
        data-live={isLive ? "live" : "connecting"}
      >
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="history-list-heading" className="text-lg font-semibold">
            Changes, newest first
          </h2>
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {isLoadingFirst
              ? "Loading…"
              : journal.isError && groups.length === 0
                ? ""
                : `${groups.length} ${groups.length === 1 ? "action" : "actions"}${journal.hasNextPage ? " so far" : ""}`}
          </p>
        </div>
        {journal.isError && (
          <p
            role="alert"
            className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
          >
            {journal.error.message}
          </p>
        )}
        {!journal.isPending && !journal.isError && groups.length === 0 && (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            {isFiltered ? "No changes match these filters." : "Nothing has changed yet."}
          </p>
        )}
        <ol
          aria-label="Changes, newest first"
          className={`mt-3 space-y-3 transition-opacity ${isLoadingFirst ? "opacity-60" : ""}`}
        >
          {groups.map((group) => (
            <JournalGroup
              key={group.groupId}
              group={group}
              now={now}
              canUndo={canUndo}
              isUndoing={undo.isPending && undo.variables === group.groupId}
              isUndoDisabled={undo.isPending}
              outcome={outcomes[group.groupId]}
              undone={group.undoesGroupId ? byId.get(group.undoesGroupId) : undefined}
              onUndo={() => runUndo(group)}
            />
          ))}
        </ol>
        {journal.hasNextPage && (
          <div className="mt-4 flex justify-center">
            <Button
              variant="secondary"
              onClick={() => void journal.fetchNextPage()}
              disabled={journal.isFetchingNextPage}
            >
              {journal.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
