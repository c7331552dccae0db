import "server-only";
import { compareDuties } from "@/lib/domain/model";
import { moveToPosition } from "@/lib/domain/ordering";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";
import type { TUpdateDuty } from "@/lib/validation/duties";
import { DUTY_VIEW_SELECT, toDutyView, type TDutyView } from "./duty-view";

/**
 * Changes a duty's name, key, description or whether it is required, and, with `order`, moves it to that 0-based
 * position in the catalogue: the duties are renumbered 0..n-1 around it. Renaming keeps the key.
 */
export async function updateDuty({
  actor,
  orgSlug,
  dutyId,
  changes,
}: {
  actor: TActor | null;
  orgSlug: string;
  dutyId: string;
  changes: TUpdateDuty;
}): Promise<TDutyView> {
  return writeMap(
    { actor, orgSlug, action: "duty.update", entity: "duty", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const duty = await findMapRow(tx, "duty", { organizationId, ref: dutyId });
      const key =
        changes.key === undefined
          ? undefined
          : await chooseKey(
              tx,
              "duty",
              { organizationId },
              { name: changes.name ?? duty.name, requested: changes.key, currentKey: duty.key },
            );
      if (changes.order !== undefined) await moveDuty(tx, { organizationId, dutyId: duty.id, position: changes.order });
      const updated = await tx.duty.update({
        where: { id: duty.id, organizationId },
        data: { name: changes.name, key, description: changes.description, required: changes.required },
        select: DUTY_VIEW_SELECT,
      });
      return toDutyView(updated);
    },
  );
}

async function moveDuty(
  tx: Prisma.TransactionClient,
  { organizationId, dutyId, position }: { organizationId: string; dutyId: string; position: number },
): Promise<void> {
  // Two moves at once would each renumber from a stale order; the second waits for the first instead.
  await tx.$queryRaw`SELECT id FROM duty WHERE organization_id = ${organizationId} ORDER BY id FOR UPDATE`;
  const duties = await tx.duty.findMany({ where: { organizationId }, select: { id: true, key: true, order: true } });
  duties.sort(compareDuties);
  const moved = moveToPosition(
    duties.map((duty) => duty.id),
    dutyId,
    position,
  );
  const orderOf = new Map(duties.map((duty) => [duty.id, duty.order]));
  for (const [order, id] of moved.entries()) {
    if (orderOf.get(id) !== order) {
      await tx.duty.update({ where: { id, organizationId }, data: { order }, select: { id: true } });
    }
  }
}
