import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";
import type { TUpdatePerson } from "@/lib/validation/people";
import { checkEmailFree } from "./check-email-free";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** Changes a person's name, key, email (null removes it) or capacity. Renaming keeps the key. */
export async function updatePerson({
  actor,
  orgSlug,
  personId,
  changes,
}: {
  actor: TActor | null;
  orgSlug: string;
  personId: string;
  changes: TUpdatePerson;
}): Promise<TPersonView> {
  return writeMap(
    { actor, orgSlug, action: "person.update", entity: "person", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const person = await findMapRow(tx, "person", { organizationId, ref: personId });
      if (changes.email) await checkEmailFree(tx, { organizationId, email: changes.email, personId: person.id });
      const key =
        changes.key === undefined
          ? undefined
          : await chooseKey(
              tx,
              "person",
              { organizationId },
              { name: changes.name ?? person.name, requested: changes.key, currentKey: person.key },
            );
      const updated = await tx.person.update({
        where: { id: person.id, organizationId },
        data: { name: changes.name, key, email: changes.email, capacity: changes.capacity },
        select: PERSON_VIEW_SELECT,
      });
      return toPersonView(updated);
    },
  );
}
