import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";

export type TDeletedPerson = { id: string; key: string; vacatedSlots: number };

/** Deletes a person; the slots they held stay, vacant. Says how many slots were vacated. */
export async function deletePerson({
  actor,
  orgSlug,
  personId,
}: {
  actor: TActor | null;
  orgSlug: string;
  personId: string;
}): Promise<TDeletedPerson> {
  return writeMap({ actor, orgSlug, action: "person.delete", entity: "person" }, async ({ tx, organizationId }) => {
    const person = await findMapRow(tx, "person", { organizationId, ref: personId });
    const vacatedSlots = await tx.slot.count({ where: { holderId: person.id, organizationId } });
    await tx.person.delete({ where: { id: person.id, organizationId }, select: { id: true } });
    return { id: person.id, key: person.key, vacatedSlots };
  });
}
