import "server-only";
import { deleteMapRow } from "@/lib/server/kernel/write-map-row";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import type { TOrgCall } from "@/lib/server/kernel/map-write";

export type TDeletedSlot = { id: string; key: string; assignments: number };

/** Deletes a slot with its assignments; says how many assignments went with it. */
export async function deleteSlot({
  teamId,
  slotId,
  ...call
}: TOrgCall & { teamId: string; slotId: string }): Promise<TDeletedSlot> {
  return deleteMapRow(
    call,
    {
      kind: "slot",
      find: async (tx, organizationId) =>
        findMapRow(tx, "slot", {
          organizationId,
          team: await findMapRow(tx, "team", { organizationId, ref: teamId }),
          ref: slotId,
        }),
    },
    async (tx, slot, organizationId) => ({
      assignments: await tx.assignment.count({ where: { slotId: slot.id, organizationId } }),
    }),
  );
}
