"use client";

import { RemoveDialog, type TRemoveRowDialogProps } from "@/components/ui/remove-dialog";
import { countNoun } from "@/lib/domain/count-noun";
import type { TDutyRow } from "@/lib/domain/duty-rows";

/** Asks before a duty leaves the catalogue, saying how many assignments go with it. */
export function RemoveDutyDialog({ removing, ...props }: TRemoveRowDialogProps<TDutyRow>) {
  return (
    <RemoveDialog
      name={removing?.duty.name ?? null}
      isPending={props.isPending}
      onCancel={props.onCancel}
      onConfirm={() => removing && props.onConfirm(removing)}
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
