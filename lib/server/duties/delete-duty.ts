import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";

export type TDeletedDuty = { id: string; key: string; assignments: number };

/** Deletes a duty from the catalogue with its assignments in every team; says how many assignments went. */
export async function deleteDuty({
  actor,
  orgSlug,
  dutyId,
}: {
  actor: TActor | null;
  orgSlug: string;
  dutyId: string;
}): Promise<TDeletedDuty> {
  return writeMap({ actor, orgSlug, action: "duty.delete", entity: "duty" }, async ({ tx, organizationId }) => {
    const duty = await findMapRow(tx, "duty", { organizationId, ref: dutyId });
    const assignments = await tx.assignment.count({ where: { dutyId: duty.id, organizationId } });
    await tx.duty.delete({ where: { id: duty.id, organizationId }, select: { id: true } });
    return { id: duty.id, key: duty.key, assignments };
  });
}
