"use client";

// The server's data the browser reads, each as a TanStack query under its key (./query-keys.ts).
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { analyzeMap } from "@/lib/domain/analyze-map";
import type { TDutyUsage } from "@/lib/domain/duty-rows";
import type { TMapScope } from "@/lib/domain/map-slice";
import type { TRemitMap } from "@/lib/domain/model";
import type { TPeopleCounts } from "@/lib/domain/people-view";
import { resolveStoredRules, type TStoredRuleSetting } from "@/lib/domain/rules";
import { callApi, type TResponse } from "./api";
import { journalQuery, sameHistoryFilters, type THistoryFilters } from "./history-filters";
import { queryKeys } from "./query-keys";

/**
 * The map and the moment it shows (ms since the epoch), as the cache holds it: the domain's read-only map, which the
 * state operation's answer is (the query function below would not compile otherwise).
 */
export type TMapState = {
  map: TRemitMap;
  rules: readonly TStoredRuleSetting[];
  loadedAt: number;
  /** With the duties' part (see mapSlice): how much each duty is used in the whole map. */
  dutyUsage?: TDutyUsage;
  /** With a page of the people directory (see peoplePage): how many people there are and match. */
  peopleCounts?: TPeopleCounts;
};
/** The overview and the moment it shows (ms since the epoch). */
export type TOverviewState = TResponse<"GET /api/v1/orgs/{orgSlug}/overview">;
/** The structure view's picture, packed, and the moment it shows. */
export type TStructureState = TResponse<"GET /api/v1/orgs/{orgSlug}/structure">;
export type TJournalPage = TResponse<"GET /api/v1/orgs/{orgSlug}/journal">;
/** One group of the journal (an action), as the API answers it. */
export type TJournalGroup = TJournalPage["groups"][number];
/** The journal as the server rendered it, for the filters it was rendered with. */
export type TJournalInitial = { filters: THistoryFilters; page: TJournalPage; loadedAt: number };

function stateQuery(scope: TMapScope | undefined) {
  if (scope === undefined) return {};
  if (scope === "people" || scope === "roster" || scope === "duties") return { part: scope };
  if ("people" in scope) {
    const { find, isOverloadedOnly, offset, limit } = scope.people;
    return { part: "people" as const, find, overloaded: isOverloadedOnly ? "true" : undefined, offset, limit };
  }
  return "teamId" in scope ? { teamId: scope.teamId } : { personId: scope.personId };
}

/**
 * A page rendered after the cached copy was fetched brings newer data (e.g. a team created a moment ago): adopt it.
 * `initial` is what the server rendered, with the time it read it.
 */
function useNewerInitialData(queryKey: readonly unknown[], initial: { loadedAt: number } | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!initial) return;
    const cachedAt = queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? 0;
    if (cachedAt < initial.loadedAt) queryClient.setQueryData(queryKey, initial, { updatedAt: initial.loadedAt });
    // Only when the server sends another render; the key's parts are in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial, queryClient]);
}

/**
 * The organisation's whole map, shared by every screen, and its analysis under the organisation's rules (which come
 * with the map, so a change of rules reloads them as any change does), recomputed in the browser on every change
 * (it takes milliseconds even for 1,000 teams), so flags follow an edit at once.
 */
export function useOrgMap({
  orgId,
  orgSlug,
  scope,
  initial,
  enabled = true,
  keepPrevious = false,
}: {
  orgId: string;
  orgSlug: string;
  /** Only the part of the map this screen needs. */
  scope?: TMapScope;
  /** The map as the server rendered it. */
  initial?: TMapState;
  /** False to not load it (yet). */
  enabled?: boolean;
  /** While another scope loads (the next page, another search), keep showing the last one's. */
  keepPrevious?: boolean;
}) {
  const key = queryKeys.map(orgId, scope);
  const query = useQuery<TMapState>({
    queryKey: key,
    enabled,
    queryFn: () => callApi("GET /api/v1/orgs/{orgSlug}/state", { params: { orgSlug }, query: stateQuery(scope) }),
    initialData: initial,
    initialDataUpdatedAt: initial?.loadedAt,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  useNewerInitialData(key, initial);
  const map = query.data?.map;
  const settings = query.data?.rules;
  const rules = useMemo(() => (settings ? resolveStoredRules(settings) : null), [settings]);
  const analysis = useMemo(() => (map && rules ? analyzeMap(map, rules) : null), [map, rules]);
  return { ...query, map, rules, analysis };
}

/** The props of a view the server computes for a moment or for now: the overview and the structure. */
type TServerViewProps<TState> = {
  orgId: string;
  orgSlug: string;
  /** The view as the server rendered it. */
  initial: TState;
  /** A moment (ISO): the view as it was (or will be) then; a past one never changes. */
  at?: string;
};

/**
 * A view the server computes (for 1,000 teams the whole map would be megabytes), starting from the page's render.
 * The live provider refetches it after every change; see `watchLiveChanges`.
 */
function useServerView<TState extends { loadedAt: number }>(
  key: readonly unknown[],
  fetchView: () => Promise<TState>,
  { initial, at }: Pick<TServerViewProps<TState>, "initial" | "at">,
) {
  const query = useQuery({
    queryKey: key,
    queryFn: fetchView,
    initialData: initial,
    initialDataUpdatedAt: initial.loadedAt,
    ...(at ? { staleTime: Infinity } : {}),
  });
  useNewerInitialData(key, initial);
  return query;
}

/** The organisation overview: per team, its health, flags and who is accountable for each duty. */
export function useOrgOverview({ orgId, orgSlug, initial, at }: TServerViewProps<TOverviewState>) {
  return useServerView(
    queryKeys.overview(orgId, at),
    () => callApi("GET /api/v1/orgs/{orgSlug}/overview", { params: { orgSlug }, query: { at } }),
    { initial, at },
  );
}

/** The structure view's picture with its layout, which the server keeps until the map changes. */
export function useOrgStructure({ orgId, orgSlug, initial, at }: TServerViewProps<TStructureState>) {
  return useServerView(
    queryKeys.structure(orgId, at),
    () => callApi("GET /api/v1/orgs/{orgSlug}/structure", { params: { orgSlug }, query: { at } }),
    { initial, at },
  );
}

/** The journal, newest action first, a page at a time (cursor pagination: "Load more" fetches the next page). */
export function useJournal({
  orgId,
  orgSlug,
  filters,
  initial,
}: {
  orgId: string;
  orgSlug: string;
  filters: THistoryFilters;
  initial: TJournalInitial | null;
}) {
  const matchesInitial = initial !== null && sameHistoryFilters(initial.filters, filters);
  return useInfiniteQuery({
    queryKey: queryKeys.journal(orgId, filters),
    queryFn: ({ pageParam }) =>
      callApi("GET /api/v1/orgs/{orgSlug}/journal", {
        params: { orgSlug },
        query: { ...journalQuery(filters), cursor: pageParam },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: matchesInitial ? { pages: [initial.page], pageParams: [null] } : undefined,
    initialDataUpdatedAt: matchesInitial ? initial.loadedAt : undefined,
    // While another filter's first page loads, the list on screen stays (dimmed) rather than flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** The average health and each kind of flag over the last 30 days. */
export function useHealthHistory({
  orgId,
  orgSlug,
  enabled = true,
}: {
  orgId: string;
  orgSlug: string;
  /** False to not load it (yet). */
  enabled?: boolean;
}) {
  return useQuery({
    queryKey: queryKeys.healthHistory(orgId),
    enabled,
    queryFn: () => callApi("GET /api/v1/orgs/{orgSlug}/health-history", { params: { orgSlug } }),
  });
}
