"use client";

import { useEffect } from "react";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/client/api-error";
import { undoRefusal, useUndo } from "@/lib/client/undo";

/** Where Ctrl/Cmd+Z belongs to the field being typed in, not to the map. */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * Ctrl+Z (Cmd+Z on a Mac) undoes the user's own last change to this team that is not undone yet, through the
 * journal (see `useUndo`); the toast says what was undone, or why it could not be.
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
  const { undoLast } = useUndo({ orgId, orgSlug });
  useEffect(() => {
    if (!enabled) return;
    let isRunning = false;
    const undoAndSay = async () => {
      const result = await undoLast({ teamId, userId });
      if (result.kind === "nothing") return toast.show("Nothing of yours to undo on this team.", "info");
      if (result.kind === "undone") return toast.show(`Undone: ${result.group.sentence}`, "success");
      const conflicts = undoRefusal(result.error)?.conflicts ?? [];
      const later = conflicts.length ? ` Later: ${conflicts.map((group) => group.sentence).join("; ")}.` : "";
      toast.show(`${errorMessage(result.error, "The undo failed.")}${later}`, "error");
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "z" || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey)
        return;
      if (isTextField(event.target) || isRunning) return;
      event.preventDefault();
      isRunning = true;
      undoAndSay()
        .catch((error: unknown) => toast.show(errorMessage(error, "The undo failed."), "error"))
        .finally(() => {
          isRunning = false;
        });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled, teamId, userId, toast, undoLast]);
}
