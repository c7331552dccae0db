import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { deleteMapRow } from "@/lib/server/kernel/write-map-row";

export type TDeletedPerson = { id: string; key: string; vacatedSlots: number };

/**
 * Deletes a person; the slots they held stay, vacant, without the ends of their terms, and plans that they take a
 * slot over go (the database clears `next_holder_id`; a start without its person is no plan). Says how many slots
 * were vacated.
 */
export async function deletePerson({ personId, ...call }: TOrgCall & { personId: string }): Promise<TDeletedPerson> {
  return deleteMapRow(call, { kind: "person", ref: personId }, async (tx, person, organizationId) => {
    await tx.slot.updateMany({
      where: { holderId: person.id, organizationId, holderUntil: { not: null } },
      data: { holderUntil: null },
    });
    await tx.slot.updateMany({
      where: { nextHolderId: person.id, organizationId },
      data: { nextHolderFrom: null },
    });
    return { vacatedSlots: await tx.slot.count({ where: { holderId: person.id, organizationId } }) };
  });
}
