import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { updateMapRow } from "@/lib/server/kernel/write-map-row";
import type { TUpdatePerson } from "@/lib/validation/people";
import { checkEmailFree } from "./check-email-free";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** Changes a person's name, key, email (null removes it) or capacity. Renaming keeps the key. */
export async function updatePerson({
  personId,
  changes,
  ...call
}: TOrgCall & { personId: string; changes: TUpdatePerson }): Promise<TPersonView> {
  const check = async (tx: Parameters<typeof checkEmailFree>[0], organizationId: string, person?: { id: string }) => {
    if (changes.email) await checkEmailFree(tx, { organizationId, email: changes.email, personId: person?.id });
  };
  return updateMapRow(call, "person", { ref: personId, changes, check }, async (tx, person, key, organizationId) =>
    toPersonView(
      await tx.person.update({
        where: { id: person.id, organizationId },
        data: { name: changes.name, key, email: changes.email, capacity: changes.capacity },
        select: PERSON_VIEW_SELECT,
      }),
    ),
  );
}
