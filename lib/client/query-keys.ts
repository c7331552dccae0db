// Every cache key of the browser's data, in one place. Keys start with the organisation's id; a key without its last
// parts is a prefix of every key that has them, so invalidating it reloads them all.
import type { TMapScope } from "@/lib/domain/map-slice";
import type { THistoryFilters } from "./history-filters";

export const queryKeys = {
  /** The whole map, or with a scope the part of it one screen works on (see `mapSlice`). */
  map: (orgId: string, scope?: TMapScope): readonly unknown[] =>
    scope === undefined ? [orgId, "map"] : [orgId, "map", scope],
  /** The overview, now or at a past moment. */
  overview: (orgId: string, at?: string): readonly unknown[] => (at ? [orgId, "overview", at] : [orgId, "overview"]),
  /** The structure view's picture, now or at a moment. */
  structure: (orgId: string, at?: string): readonly unknown[] => (at ? [orgId, "structure", at] : [orgId, "structure"]),
  /** The journal, or one filtered view of it. */
  journal: (orgId: string, filters?: THistoryFilters): readonly unknown[] =>
    filters === undefined ? [orgId, "journal"] : [orgId, "journal", filters],
  /** Who could fill a slot, best fit first; fetched each time the list opens, since any change to the map moves it. */
  slotCandidates: (orgId: string, slotId: string): readonly unknown[] => [orgId, "slot-candidates", slotId],
  healthHistory: (orgId: string): readonly unknown[] => [orgId, "health-history"],
  /** Comment threads (every view of them): a `comment` live event reloads them. */
  comments: (orgId: string): readonly unknown[] => [orgId, "comments"],
} as const;

/** Mutation keys: what a page counts to say "Saving…" and "All changes saved.". */
export const mutationKeys = {
  /** This tab's cell writes, sent and waiting (see `useSetCell`). */
  cellWrites: (orgId: string): readonly unknown[] => [orgId, "cells", "write"],
  /** The duty catalogue's changes (order, required, name), saved one after another. */
  dutyChanges: (orgId: string): readonly unknown[] => [orgId, "duties", "patch"],
} as const;

/** The scope a map cache key was made with (see `queryKeys.map`). */
export function scopeOf(queryKey: readonly unknown[]): TMapScope | undefined {
  return queryKey[2] as TMapScope | undefined;
}
