"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useToast } from "@/components/ui/toast";
import { analyzeMap } from "@/lib/domain/analyze-map";
import type { TMapScope } from "@/lib/domain/map-slice";
import type { TRemitMap } from "@/lib/domain/model";
import { withCell, type TCellChange } from "@/lib/domain/team-view";
import type { TRaciLevel } from "@/lib/domain/model";
import { LEVEL_NAMES } from "./levels";

type TAssignmentCell = { level: TRaciLevel | null; version: number };
import { apiFetch, ApiError } from "@/lib/api-client";

/** The map and when the server read it (ms since the epoch). */
export type TMapState = { map: TRemitMap; loadedAt: number };

/**
 * The map's cache key: the whole map, or with a scope the part of it one screen works on (see `mapSlice`). The
 * whole map's key is a prefix of every part's, so invalidating it reloads them all.
 */
export function mapQueryKey(orgId: string, scope?: TMapScope): readonly unknown[] {
  return scope === undefined ? [orgId, "map"] : [orgId, "map", scope];
}

/** The scope a map cache key was made with (see mapQueryKey). */
export function scopeOf(queryKey: readonly unknown[]): TMapScope | undefined {
  return queryKey[2] as TMapScope | undefined;
}

function stateUrl(orgSlug: string, scope: TMapScope | undefined): string {
  const base = `/api/v1/orgs/${orgSlug}/state`;
  if (scope === undefined) return base;
  if (scope === "people" || scope === "roster") return `${base}?part=${scope}`;
  return "teamId" in scope
    ? `${base}?teamId=${encodeURIComponent(scope.teamId)}`
    : `${base}?personId=${encodeURIComponent(scope.personId)}`;
}

/**
 * The organisation's whole map, shared by every screen, and its analysis, recomputed in the browser on every change
 * (it takes milliseconds even for 1,000 teams), so flags follow an edit at once.
 */
export function useOrgMap({
  orgId,
  orgSlug,
  scope,
  initial,
  enabled = true,
}: {
  orgId: string;
  orgSlug: string;
  /** Only the part of the map this screen needs. */
  scope?: TMapScope;
  /** The map as the server rendered it. */
  initial?: TMapState;
  /** False to not load it (yet). */
  enabled?: boolean;
}) {
  const key = mapQueryKey(orgId, scope);
  const query = useQuery({
    queryKey: key,
    enabled,
    queryFn: () => apiFetch<TMapState>(stateUrl(orgSlug, scope)),
    initialData: initial,
    initialDataUpdatedAt: initial?.loadedAt,
  });
  useNewerInitialData(key, initial);
  const map = query.data?.map;
  const analysis = useMemo(() => (map ? analyzeMap(map) : null), [map]);
  return { ...query, map, analysis };
}

/**
 * A page rendered after the cached copy was fetched brings newer data (e.g. a team created a moment ago): adopt it.
 * `initial` is what the server rendered, with the time it read it.
 */
export function useNewerInitialData(queryKey: readonly unknown[], initial: { loadedAt: number } | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!initial) return;
    const cachedAt = queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? 0;
    if (cachedAt < initial.loadedAt) queryClient.setQueryData(queryKey, initial, { updatedAt: initial.loadedAt });
    // Only when the server sends another render; the key's parts are in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial, queryClient]);
}

/** The key of this tab's cell writes, sent and waiting (see `useSetCell`). */
export function cellWritesKey(orgId: string) {
  return [orgId, "cells", "write"];
}

/**
 * Sets or clears one cell, optimistically; on failure the cell goes back and a toast says why. When someone else
 * changed the cell first (409), the toast names them, shows their value and offers to reapply ours in one click.
 */
export function useSetCell({
  orgId,
  orgSlug,
  scope,
  changedBy,
}: {
  orgId: string;
  orgSlug: string;
  /** The part of the map the page shows (see `useOrgMap`). */
  scope?: TMapScope;
  changedBy?: (dutyId: string, slotId: string) => string | null;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = mapQueryKey(orgId, scope);
  const mutation = useMutation({
    mutationKey: cellWritesKey(orgId),
    // One write at a time: a quick second edit of a cell (Responsible, then Delete) must reach the server after the
    // first, with the version the first produces, or it would be refused as a conflict with oneself.
    scope: { id: `cells:${orgId}` },
    mutationFn: ({ change, version }: { change: TCellChange; version: number }) =>
      apiFetch(`/api/v1/orgs/${orgSlug}/teams/${change.teamId}/assignments`, {
        method: "PUT",
        body: { dutyId: change.dutyId, slotId: change.slotId, level: change.level, version },
      }),
    onMutate: async ({ change }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const current = queryClient.getQueryData<TMapState>(key);
      const before = current?.map.assignments.find(
        (assignment) => assignment.dutyId === change.dutyId && assignment.slotId === change.slotId,
      );
      if (current) queryClient.setQueryData<TMapState>(key, { ...current, map: withCell(current.map, change) });
      return { before: before ? { level: before.level, version: before.version } : null };
    },
    onSuccess: (answer, { change }) => {
      // The server's version of the cell, so the next edit sends the right one.
      const saved = (answer as { assignment?: TAssignmentCell } | undefined)?.assignment;
      const current = queryClient.getQueryData<TMapState>(key);
      if (saved && current) {
        queryClient.setQueryData<TMapState>(key, {
          ...current,
          map: withCell(current.map, { ...change, level: saved.level }, saved.version),
        });
      }
    },
    onError: (error, variables, context) => {
      // Put back only this cell, so that other edits made meanwhile stay.
      const current = queryClient.getQueryData<TMapState>(key);
      if (current && context) {
        const { before } = context;
        queryClient.setQueryData<TMapState>(key, {
          ...current,
          map: withCell(current.map, { ...variables.change, level: before?.level ?? null }, before?.version),
        });
      }
      void queryClient.invalidateQueries({ queryKey: key });
      if (error instanceof ApiError && error.status === 409) {
        const now = (error.body as { assignment?: TAssignmentCell } | null)?.assignment;
        const who = changedBy?.(variables.change.dutyId, variables.change.slotId) ?? "Someone";
        const value = now?.level ? LEVEL_NAMES[now.level] : "empty";
        toast.show(`${who} changed this a moment ago: it is now ${value}.`, "error", {
          label: "Reapply mine",
          run: () => mutation.mutate({ change: variables.change, version: now?.version ?? 0 }),
        });
        return;
      }
      toast.show(error instanceof Error ? error.message : "The change was not saved.", "error");
    },
  });
  return mutation;
}

/** Any other map write: runs it, then reloads the map; errors become a toast. Returns the mutation. */
export function useMapWrite<TInput>({
  orgId,
  write,
  success,
}: {
  orgId: string;
  write: (input: TInput) => Promise<unknown>;
  success?: (input: TInput) => string;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: write,
    onSuccess: (_result, input) => {
      if (success) toast.show(success(input), "success");
    },
    onError: (error) => toast.show(error instanceof Error ? error.message : "The change was not saved.", "error"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) }),
  });
}
