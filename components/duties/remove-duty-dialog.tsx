"use client";

import { RemoveDialog } from "@/components/ui/remove-dialog";
import { countNoun } from "@/lib/domain/count-noun";
import type { TDutyRow } from "@/lib/domain/duty-rows";

/** Asks before a duty leaves the catalogue, saying how many assignments go with it. */
export function RemoveDutyDialog({
  removing,
  isPending,
  onConfirm,
  onCancel,
}: {
  removing: TDutyRow | null;
  isPending: boolean;
  onConfirm: (row: TDutyRow) => void;
  onCancel: () => void;
}) {
  return (
    <RemoveDialog
      name={removing?.duty.name ?? null}
      isPending={isPending}
      onCancel={onCancel}
      onConfirm={() => removing && onConfirm(removing)}
    >
      {removing && (
        <>
          <p>
            It leaves the catalogue and every team&apos;s matrix.{" "}
            {removing.assignmentCount === 0 ? (
              "No team has assigned it, so no assignments go with it."
            ) : (
              <strong className="font-semibold text-slate-900 dark:text-slate-100">
                {countNoun(removing.assignmentCount, "assignment")} in {countNoun(removing.teamCount, "team")} go
                {removing.assignmentCount === 1 ? "es" : ""} with it.
              </strong>
            )}
          </p>
          <p>This cannot be undone.</p>
        </>
      )}
    </RemoveDialog>
  );
}
