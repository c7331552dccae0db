import "server-only";
import { db } from "@/lib/db";
import { readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { compareDuties } from "@/lib/domain/model";
import { dutyViewSelect, toDutyView, type TDutyView } from "./duty-view";

/** The organisation's duty catalogue in order, each duty with its number of assignments. */
export async function listDuties(call: TOrgCall): Promise<TDutyView[]> {
  return readMap(call, async (organizationId) =>
    (await db.duty.findMany({ where: { organizationId }, select: dutyViewSelect(organizationId) }))
      .map(toDutyView)
      .sort(compareDuties),
  );
}
