import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findPerson } from "./find-person";

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
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return runWrite(
    { actor: author, action: "person.delete" },
    async (tx) => {
      const person = await findPerson(tx, { organizationId, ref: personId });
      const vacatedSlots = await tx.slot.count({ where: { holderId: person.id, organizationId } });
      await tx.person.delete({ where: { id: person.id, organizationId }, select: { id: true } });
      return { id: person.id, key: person.key, vacatedSlots };
    },
    changeOf(organization.id, author, "person"),
  );
}
