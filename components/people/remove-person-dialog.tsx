"use client";

import { RemoveDialog, type TRemoveRowDialogProps } from "@/components/ui/remove-dialog";
import { countNoun } from "@/lib/domain/count-noun";
import type { TPersonRow } from "@/lib/domain/people-view";

/** Asks before a person is removed, listing the slots that become vacant. */
export function RemovePersonDialog({ removing, ...props }: TRemoveRowDialogProps<TPersonRow>) {
  return (
    <RemoveDialog
      name={removing?.person.name ?? null}
      isPending={props.isPending}
      onCancel={props.onCancel}
      onConfirm={() => removing && props.onConfirm(removing)}
    >
      {removing && removing.holdings.length === 0 && (
        <p>They hold no slots, so no team changes. This cannot be undone.</p>
      )}
      {removing && removing.holdings.length > 0 && (
        <>
          <p>
            These {countNoun(removing.holdings.length, "slot")} become vacant; their duties stay with the slot until you
            give it a new holder:
          </p>
          <ul className="list-disc pl-5" aria-label="Slots that become vacant">
            {removing.holdings.map((holding) => (
              <li key={holding.slot.id}>
                {holding.team.name} · {holding.label}
              </li>
            ))}
          </ul>
          <p>This cannot be undone.</p>
        </>
      )}
    </RemoveDialog>
  );
}
