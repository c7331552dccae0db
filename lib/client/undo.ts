"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { callApi } from "./api";
import { ApiError } from "./api-error";
import type { TJournalGroup } from "./queries";
import { queryKeys } from "./query-keys";

/** A refused undo: the server's reason, and the later changes that stand in the way. */
export type TUndoRefusal = { message: string; conflicts: TJournalGroup[] };

/** The refusal in an undo's error, when the server refused it as a conflict. */
export function undoRefusal(error: unknown): TUndoRefusal | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const conflicts = (error.body as { conflicts?: TJournalGroup[] } | null)?.conflicts;
  return { message: error.message, conflicts: Array.isArray(conflicts) ? conflicts : [] };
}

/**
 * Resolves once none of this tab's writes is in flight: a change the user made a moment ago (shown at once, saved a
 * little later) must be in the journal before the undo looks for it.
 */
function writesSettled(queryClient: QueryClient): Promise<void> {
  return new Promise((resolve) => {
    if (queryClient.isMutating() === 0) return resolve();
    const unsubscribe = queryClient.getMutationCache().subscribe(() => {
      if (queryClient.isMutating() > 0) return;
      unsubscribe();
      resolve();
    });
  });
}

/** What `undoLast` did: nothing to undo, the group it undid, or the refusal. */
export type TUndoLastResult =
  | { kind: "nothing" }
  | { kind: "undone"; group: TJournalGroup }
  | { kind: "failed"; error: unknown; group: TJournalGroup };

/**
 * The one undo, through the journal: `undo` undoes one group (History's buttons), `undoLast` a user's own last change
 * to a team that is not undone yet (Ctrl/Cmd+Z). Either way the journal and the map reload, also after a refusal
 * ("undone already" or "in the way" means what is on screen is out of date).
 */
export function useUndo({ orgId, orgSlug }: { orgId: string; orgSlug: string }) {
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: (groupId: string) =>
      callApi("POST /api/v1/orgs/{orgSlug}/journal/{entryId}/undo", { params: { orgSlug, entryId: groupId } }),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.journal(orgId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.map(orgId) }),
      ]);
    },
  });

  const { mutateAsync } = undo;
  const undoLast = useCallback(
    async ({ teamId, userId }: { teamId: string; userId: string }): Promise<TUndoLastResult> => {
      // Only one's own changes: without a user there is nothing of theirs to find.
      if (!userId) return { kind: "nothing" };
      await writesSettled(queryClient);
      const page = await callApi("GET /api/v1/orgs/{orgSlug}/journal", {
        params: { orgSlug },
        query: { teamId, actorId: userId, limit: 20 },
      });
      const last = page.groups.find((group) => !group.undoneBy && group.action !== "journal.undo");
      if (!last) return { kind: "nothing" };
      try {
        await mutateAsync(last.groupId);
        return { kind: "undone", group: last };
      } catch (error) {
        return { kind: "failed", error, group: last };
      }
    },
    [queryClient, orgSlug, mutateAsync],
  );

  return { undo, undoLast };
}
