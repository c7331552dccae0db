import "server-only";
import { db } from "@/lib/db";
import { readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { slotViewSelect, toSortedSlotViews, type TSlotView } from "@/lib/server/kernel/slot-view";

/** A team's slots in order, with their holders and numbers of assignments. */
export async function listSlots({ teamId, ...call }: TOrgCall & { teamId: string }): Promise<TSlotView[]> {
  return readMap(call, async (organizationId) => {
    const team = await findMapRow(db, "team", { organizationId, ref: teamId });
    return toSortedSlotViews(
      await db.slot.findMany({
        where: { teamId: team.id, organizationId },
        select: slotViewSelect({ teamId: team.id }),
      }),
    );
  });
}
