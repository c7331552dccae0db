"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import type { TMapScope } from "@/lib/domain/map-slice";
import { LEVEL_NAMES } from "@/components/map/levels";
import { withCell, type TCellChange } from "@/lib/domain/team-view";
import { callApi, type TResponse } from "./api";
import { ApiError, errorMessage } from "./api-error";
import type { TMapState } from "./queries";
import { mutationKeys, queryKeys } from "./query-keys";

type TAssignmentCell = TResponse<"PUT /api/v1/orgs/{orgSlug}/teams/{teamId}/assignments">["assignment"];

/**
 * Sets or clears one cell, optimistically; on failure the cell goes back and a toast says why. When someone else
 * changed the cell first (409), the toast names them, shows their value and offers to reapply ours in one click.
 * Its writes count under `mutationKeys.cellWrites`, so a page can say "Saving…" and "All changes saved.".
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
  const key = queryKeys.map(orgId, scope);
  const mutation = useMutation({
    mutationKey: mutationKeys.cellWrites(orgId),
    // One write at a time: a quick second edit of a cell (Responsible, then Delete) must reach the server after the
    // first, with the version the first produces, or it would be refused as a conflict with oneself.
    scope: { id: `cells:${orgId}` },
    mutationFn: ({ change, version }: { change: TCellChange; version: number }) =>
      callApi("PUT /api/v1/orgs/{orgSlug}/teams/{teamId}/assignments", {
        params: { orgSlug, teamId: change.teamId },
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
      const saved: TAssignmentCell | undefined = answer?.assignment;
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
      toast.show(errorMessage(error, "The change was not saved."), "error");
    },
  });
  return mutation;
}
