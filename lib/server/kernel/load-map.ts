import "server-only";
import { db } from "@/lib/db";
import type { TRemitMap, TSlot } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A slot's fields as the domain's TSlot has them. */
export const MAP_SLOT_SELECT = {
  id: true,
  key: true,
  teamId: true,
  role: true,
  title: true,
  holderId: true,
  holderUntil: true,
  nextHolderId: true,
  nextHolderFrom: true,
  allocation: true,
  order: true,
} as const;

type TSlotRow = Prisma.SlotGetPayload<{ select: typeof MAP_SLOT_SELECT }>;

/** A slot row as the domain has it (moments as ISO 8601). */
export function toMapSlot<TRow extends TSlotRow>(
  row: TRow,
): Omit<TRow, "holderUntil" | "nextHolderFrom"> & Pick<TSlot, "holderUntil" | "nextHolderFrom"> {
  return {
    ...row,
    holderUntil: row.holderUntil?.toISOString() ?? null,
    nextHolderFrom: row.nextHolderFrom?.toISOString() ?? null,
  };
}

function mapQueries(client: Prisma.TransactionClient, organizationId: string) {
  const where = { organizationId };
  return [
    client.person.findMany({ where, select: { id: true, key: true, name: true, email: true, capacity: true } }),
    client.team.findMany({ where, select: { id: true, key: true, name: true, description: true, group: true } }),
    client.slot.findMany({ where, select: MAP_SLOT_SELECT }),
    client.duty.findMany({
      where,
      select: { id: true, key: true, name: true, description: true, required: true, order: true },
    }),
    client.assignment.findMany({
      where,
      select: { teamId: true, dutyId: true, slotId: true, level: true, version: true },
    }),
  ] as const;
}

/**
 * The organisation's whole map, as the domain code takes it. Read in one repeatable-read transaction, so that it is
 * consistent even while others edit it (no assignment of a slot deleted between two reads).
 */
export async function loadMap({ organizationId }: { organizationId: string }): Promise<TRemitMap> {
  const [people, teams, slots, duties, assignments] = await db.$transaction([...mapQueries(db, organizationId)], {
    isolationLevel: "RepeatableRead",
  });
  return { people, teams, slots: slots.map(toMapSlot), duties, assignments };
}

/** The same, read inside a transaction that is already open (a write that checks what it is about to change). */
export async function loadMapIn(tx: Prisma.TransactionClient, organizationId: string): Promise<TRemitMap> {
  const [people, teams, slots, duties, assignments] = await Promise.all(mapQueries(tx, organizationId));
  return { people, teams, slots: slots.map(toMapSlot), duties, assignments };
}
