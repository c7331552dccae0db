// Every cache key of the browser's data, in one place. Keys start with the organisation's id ("me" for the signed-in
// person's own); a key without its last parts is a prefix of every key that has them, so invalidating it reloads them
// all.
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
  /** Comment threads (every view of them, or those of a team and/or a draft): a `comment` live event reloads them. */
  comments: (orgId: string, filter?: { teamId?: string; draftId?: string }): readonly unknown[] =>
    filter === undefined ? [orgId, "comments"] : [orgId, "comments", filter],
  /** The organisation's members (whom a comment can mention). */
  members: (orgId: string): readonly unknown[] => [orgId, "members"],
  /** The signed-in person's inbox, across organisations (so under "me", not an organisation's id). */
  notifications: (): readonly unknown[] => ["me", "notifications"],
  /** A suggested plan's progress, by the id its request gave it: `plan_progress` live events set it. */
  planProgress: (requestId: string): readonly unknown[] => ["me", "plan-progress", requestId],
  /** The signed-in person's notification settings. */
  notificationSettings: (): readonly unknown[] => ["me", "notification-settings"],
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
