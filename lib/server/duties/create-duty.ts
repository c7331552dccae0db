import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { createMapRow } from "@/lib/server/kernel/write-map-row";
import type { TCreateDuty } from "@/lib/validation/duties";
import { dutyViewSelect, toDutyView, type TDutyView } from "./duty-view";

/** Adds a duty at the end of the catalogue. The key is made from the name unless given. */
export async function createDuty({
  name,
  key,
  description,
  required,
  ...call
}: TOrgCall & TCreateDuty): Promise<TDutyView> {
  return createMapRow(call, "duty", { name, key }, async (tx, dutyKey, organizationId) => {
    const last = await tx.duty.aggregate({ where: { organizationId }, _max: { order: true } });
    const duty = await tx.duty.create({
      data: { organizationId, key: dutyKey, name, description, required, order: (last._max.order ?? -1) + 1 },
      select: dutyViewSelect(organizationId),
    });
    return toDutyView(duty);
  });
}
