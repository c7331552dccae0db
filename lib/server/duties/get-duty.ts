import "server-only";
import { db } from "@/lib/db";
import { readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { dutyViewSelect, toDutyView, type TDutyView } from "./duty-view";
import { findMapRow } from "@/lib/server/kernel/find-map-row";

/**
 * One duty (by id or key). Its `assignmentCount` is what deleting it would remove, for the confirmation
 * "this removes N assignments".
 */
export async function getDuty({ dutyId, ...call }: TOrgCall & { dutyId: string }): Promise<TDutyView> {
  return readMap(call, async (organizationId) => {
    const { id } = await findMapRow(db, "duty", { organizationId, ref: dutyId });
    return toDutyView(
      await db.duty.findFirstOrThrow({ where: { id, organizationId }, select: dutyViewSelect(organizationId) }),
    );
  });
}
