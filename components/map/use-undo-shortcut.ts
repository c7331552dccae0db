"use client";

import { useEffect } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/toast";
import { apiFetch, ApiError } from "@/lib/api-client";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import { mapQueryKey } from "./use-org-map";

/** Where Ctrl/Cmd+Z belongs to the field being typed in, not to the map. */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
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

/**
 * Ctrl+Z (Cmd+Z on a Mac) undoes the user's own last change to this team that is not undone yet, through the
 * journal; the toast says what was undone, or why it could not be.
 */
export function useUndoShortcut({
  orgId,
  orgSlug,
  teamId,
  userId,
  enabled,
}: {
  orgId: string;
  orgSlug: string;
  teamId: string;
  userId: string;
  enabled: boolean;
}): void {
  const toast = useToast();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let isRunning = false;
    const undoLast = async () => {
      await writesSettled(queryClient);
      const query = new URLSearchParams({ teamId, actorId: userId, limit: "20" });
      const page = await apiFetch<TJournalPage>(`/api/v1/orgs/${orgSlug}/journal?${query.toString()}`);
      const last = page.groups.find((group) => !group.undoneBy && group.action !== "journal.undo");
      if (!last) {
        toast.show("Nothing of yours to undo on this team.", "info");
        return;
      }
      try {
        await apiFetch<{ group: TJournalGroupView }>(`/api/v1/orgs/${orgSlug}/journal/${last.groupId}/undo`, {
          method: "POST",
        });
        toast.show(`Undone: ${last.sentence}`, "success");
      } catch (error) {
        const conflicts =
          error instanceof ApiError ? (error.body as { conflicts?: TJournalGroupView[] }).conflicts : [];
        const later = conflicts?.length ? ` Later: ${conflicts.map((group) => group.sentence).join("; ")}.` : "";
        toast.show(`${error instanceof Error ? error.message : "The undo failed."}${later}`, "error");
      } finally {
        await queryClient.invalidateQueries({ queryKey: mapQueryKey(orgId) });
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey)
        return;
      if (isTextField(event.target) || isRunning) return;
      event.preventDefault();
      isRunning = true;
      undoLast()
        .catch((error: unknown) => toast.show(error instanceof Error ? error.message : "The undo failed.", "error"))
        .finally(() => {
          isRunning = false;
        });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled, orgId, orgSlug, teamId, userId, toast, queryClient]);
}
