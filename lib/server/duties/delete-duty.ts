import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { deleteMapRow } from "@/lib/server/kernel/write-map-row";

export type TDeletedDuty = { id: string; key: string; assignments: number };

/** Deletes a duty from the catalogue with its assignments in every team; says how many assignments went. */
export async function deleteDuty({ dutyId, ...call }: TOrgCall & { dutyId: string }): Promise<TDeletedDuty> {
  return deleteMapRow(call, { kind: "duty", ref: dutyId }, async (tx, duty, organizationId) => ({
    assignments: await tx.assignment.count({ where: { dutyId: duty.id, organizationId } }),
  }));
}
