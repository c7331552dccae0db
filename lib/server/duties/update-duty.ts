import "server-only";
import { compareDuties } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { updateMapRow } from "@/lib/server/kernel/write-map-row";
import { reorderedRows } from "@/lib/server/kernel/reorder";
import type { TUpdateDuty } from "@/lib/validation/duties";
import { dutyViewSelect, toDutyView, type TDutyView } from "./duty-view";

type TDutyChange = { dutyId: string; changes: TUpdateDuty };

/**
 * Changes a duty's name, key, description or whether it is required, and, with `order`, moves it to that 0-based
 * position in the catalogue: the duties are renumbered 0..n-1 around it. Renaming keeps the key.
 */
export async function updateDuty({ dutyId, changes, ...call }: TOrgCall & TDutyChange): Promise<TDutyView> {
  return updateMapRow(call, "duty", { ref: dutyId, changes }, async (tx, duty, key, organizationId) => {
    if (changes.order !== undefined) await moveDuty(tx, { organizationId, dutyId: duty.id, position: changes.order });
    const updated = await tx.duty.update({
      where: { id: duty.id, organizationId },
      data: { name: changes.name, key, description: changes.description, required: changes.required },
      select: dutyViewSelect(organizationId),
    });
    return toDutyView(updated);
  });
}

async function moveDuty(
  tx: Prisma.TransactionClient,
  { organizationId, dutyId, position }: { organizationId: string; dutyId: string; position: number },
): Promise<void> {
  // Two moves at once would each renumber from a stale order; the second waits for the first instead.
  await tx.$queryRaw`SELECT id FROM duty WHERE organization_id = ${organizationId} ORDER BY id FOR UPDATE`;
  const duties = await tx.duty.findMany({ where: { organizationId }, select: { id: true, key: true, order: true } });
  for (const { id, order } of reorderedRows(duties, compareDuties, dutyId, position)) {
    await tx.duty.update({ where: { id, organizationId }, data: { order }, select: { id: true } });
  }
}
