import "server-only";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap, type TOrgCall } from "@/lib/server/kernel/map-write";
import { slotViewSelect, toSlotView, type TSlotView } from "@/lib/server/kernel/slot-view";
import type { TCreateSlot } from "@/lib/validation/slots";

/** Adds a slot after the team's others. The key is made from the title, or else the role, unless given. */
export async function createSlot({
  teamId,
  role,
  key,
  title,
  holderId,
  allocation,
  ...call
}: TOrgCall & { teamId: string } & TCreateSlot): Promise<TSlotView> {
  return writeMap(
    { ...call, action: "slot.create", entity: "slot", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
      const holder = holderId
        ? await findMapRow(tx, "person", { organizationId, ref: holderId, field: "holderId" })
        : null;
      const slotKey = await chooseKey(tx, "slot", { organizationId, team }, { name: title ?? role, requested: key });
      const last = await tx.slot.aggregate({ where: { teamId: team.id, organizationId }, _max: { order: true } });
      const slot = await tx.slot.create({
        data: {
          organizationId,
          teamId: team.id,
          key: slotKey,
          role,
          title: title ?? null,
          holderId: holder?.id ?? null,
          allocation,
          order: (last._max.order ?? -1) + 1,
        },
        select: slotViewSelect({ teamId: team.id }),
      });
      return toSlotView(slot);
    },
  );
}
