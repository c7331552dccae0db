import "server-only";
import { compareSlots } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changedKey } from "@/lib/server/kernel/choose-key";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap, type TOrgCall } from "@/lib/server/kernel/map-write";
import { reorderedRows } from "@/lib/server/kernel/reorder";
import { slotViewSelect, toSlotView, type TSlotView } from "@/lib/server/kernel/slot-view";
import type { TUpdateSlot } from "@/lib/validation/slots";

/**
 * Changes a slot's role, key, title, holder (null vacates it) or allocation, and, with `order`, moves it to that
 * 0-based position among the team's slots: they are renumbered 0..n-1 around it. Its assignments stay.
 */
export async function updateSlot({
  teamId,
  slotId,
  changes,
  ...call
}: TOrgCall & { teamId: string; slotId: string; changes: TUpdateSlot }): Promise<TSlotView> {
  return writeMap(
    { ...call, action: "slot.update", entity: "slot", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
      const slot = await findMapRow(tx, "slot", { organizationId, team, ref: slotId });
      const holder =
        changes.holderId === undefined || changes.holderId === null
          ? changes.holderId
          : await findMapRow(tx, "person", { organizationId, ref: changes.holderId, field: "holderId" });
      const key = await changedKey(
        tx,
        "slot",
        { organizationId, team },
        { name: changes.title ?? changes.role ?? slot.role, requested: changes.key, currentKey: slot.key },
      );
      if (changes.order !== undefined) {
        await moveSlot(tx, { organizationId, teamId: team.id, slotId: slot.id, position: changes.order });
      }
      const updated = await tx.slot.update({
        where: { id: slot.id, organizationId },
        data: {
          role: changes.role,
          key,
          title: changes.title,
          holderId: holder === undefined ? undefined : (holder?.id ?? null),
          allocation: changes.allocation,
        },
        select: slotViewSelect({ teamId: team.id }),
      });
      return toSlotView(updated);
    },
  );
}

async function moveSlot(
  tx: Prisma.TransactionClient,
  {
    organizationId,
    teamId,
    slotId,
    position,
  }: { organizationId: string; teamId: string; slotId: string; position: number },
): Promise<void> {
  // Two moves at once would each renumber from a stale order; the second waits for the first instead.
  await tx.$queryRaw`SELECT id FROM slot WHERE team_id = ${teamId} AND organization_id = ${organizationId} ORDER BY id FOR UPDATE`;
  const slots = await tx.slot.findMany({
    where: { teamId, organizationId },
    select: { id: true, key: true, order: true },
  });
  for (const { id, order } of reorderedRows(slots, compareSlots, slotId, position)) {
    await tx.slot.update({ where: { id, organizationId }, data: { order }, select: { id: true } });
  }
}
