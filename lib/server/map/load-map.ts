import "server-only";
import { db } from "@/lib/db";
import type { TRemitMap } from "@/lib/domain/model";

/** A slot's fields as the domain's TSlot has them. */
export const MAP_SLOT_SELECT = {
  id: true,
  key: true,
  teamId: true,
  role: true,
  title: true,
  holderId: true,
  allocation: true,
  order: true,
} as const;

/**
 * The organisation's whole map, as the domain code takes it. Read in one repeatable-read transaction, so that it is
 * consistent even while others edit it (no assignment of a slot deleted between two reads).
 */
export async function loadMap({ organizationId }: { organizationId: string }): Promise<TRemitMap> {
  const where = { organizationId };
  const [people, teams, slots, duties, assignments] = await db.$transaction(
    [
      db.person.findMany({ where, select: { id: true, key: true, name: true, email: true, capacity: true } }),
      db.team.findMany({ where, select: { id: true, key: true, name: true, description: true } }),
      db.slot.findMany({
        where,
        select: MAP_SLOT_SELECT,
      }),
      db.duty.findMany({
        where,
        select: { id: true, key: true, name: true, description: true, required: true, order: true },
      }),
      db.assignment.findMany({
        where,
        select: { teamId: true, dutyId: true, slotId: true, level: true, version: true },
      }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return { people, teams, slots, duties, assignments };
}
