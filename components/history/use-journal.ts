"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { mapQueryKey } from "@/components/map/use-org-map";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import { journalQuery, sameHistoryFilters, type THistoryFilters } from "./history-filters";

/** The journal as the server rendered it, for the filters it was rendered with. */
export type TJournalInitial = { filters: THistoryFilters; page: TJournalPage; loadedAt: number };

/** The journal's cache key; without filters a prefix of every filtered view's, so invalidating it reloads them all. */
export function journalQueryKey(orgId: string, filters?: THistoryFilters): readonly unknown[] {
  return filters === undefined ? [orgId, "journal"] : [orgId, "journal", filters];
}

function journalUrl(orgSlug: string, filters: THistoryFilters, cursor: string | null): string {
  const params = new URLSearchParams(journalQuery(filters));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/api/v1/orgs/${orgSlug}/journal${query ? `?${query}` : ""}`;
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
    queryKey: journalQueryKey(orgId, filters),
    queryFn: ({ pageParam }) => apiFetch<TJournalPage>(journalUrl(orgSlug, filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: matchesInitial ? { pages: [initial.page], pageParams: [null] } : undefined,
    initialDataUpdatedAt: matchesInitial ? initial.loadedAt : undefined,
    // While another filter's first page loads, the list on screen stays (dimmed) rather than flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** A refused undo: the server's reason, and the later changes that stand in the way. */
export type TUndoRefusal = { message: string; conflicts: TJournalGroupView[] };

/** Undoes one group; the journal (and the map) reload so that the undo shows at the top. */
export function useUndoGroup({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) =>
      apiFetch<{ group: TJournalGroupView }>(`/api/v1/orgs/${orgSlug}/journal/${encodeURIComponent(groupId)}/undo`, {
        method: "POST",
      }),
    onSettled: async () => {
      // An undo refused as "undone already" or "in the way" also means this list is out of date.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: journalQueryKey(orgId) }),
        queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) }),
      ]);
    },
  });
}

/** The refusal in an undo's error, when the server refused it as a conflict. */
export function undoRefusal(error: unknown): TUndoRefusal | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const conflicts = (error.body as { conflicts?: TJournalGroupView[] } | null)?.conflicts;
  return { message: error.message, conflicts: Array.isArray(conflicts) ? conflicts : [] };
}
