import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { deleteMapRow } from "@/lib/server/kernel/write-map-row";

export type TDeletedPerson = { id: string; key: string; vacatedSlots: number };

/** Deletes a person; the slots they held stay, vacant. Says how many slots were vacated. */
export async function deletePerson({ personId, ...call }: TOrgCall & { personId: string }): Promise<TDeletedPerson> {
  return deleteMapRow(call, { kind: "person", ref: personId }, async (tx, person, organizationId) => ({
    vacatedSlots: await tx.slot.count({ where: { holderId: person.id, organizationId } }),
  }));
}
