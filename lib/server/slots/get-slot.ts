import "server-only";
import { db } from "@/lib/db";
import { readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { slotViewSelect, toSlotView, type TSlotView } from "@/lib/server/kernel/slot-view";

/** One slot of a team (each by id or key); `assignmentCount` is what deleting it would remove. */
export async function getSlot({
  teamId,
  slotId,
  ...call
}: TOrgCall & { teamId: string; slotId: string }): Promise<TSlotView> {
  return readMap(call, async (organizationId) => {
    const team = await findMapRow(db, "team", { organizationId, ref: teamId });
    const { id } = await findMapRow(db, "slot", { organizationId, team, ref: slotId });
    return toSlotView(
      await db.slot.findFirstOrThrow({ where: { id, organizationId }, select: slotViewSelect({ teamId: team.id }) }),
    );
  });
}
