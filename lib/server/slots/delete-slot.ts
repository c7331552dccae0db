import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";

export type TDeletedSlot = { id: string; key: string; assignments: number };

/** Deletes a slot with its assignments; says how many assignments went with it. */
export async function deleteSlot({
  actor,
  orgSlug,
  teamId,
  slotId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
  slotId: string;
}): Promise<TDeletedSlot> {
  return writeMap({ actor, orgSlug, action: "slot.delete", entity: "slot" }, async ({ tx, organizationId }) => {
    const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
    const slot = await findMapRow(tx, "slot", { organizationId, team, ref: slotId });
    const assignments = await tx.assignment.count({ where: { slotId: slot.id, organizationId } });
    await tx.slot.delete({ where: { id: slot.id, organizationId }, select: { id: true } });
    return { id: slot.id, key: slot.key, assignments };
  });
}
