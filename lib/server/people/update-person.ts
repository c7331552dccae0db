import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { retryOnUniqueViolation } from "@/lib/server/kernel/retry-on-unique-violation";
import type { TUpdatePerson } from "@/lib/validation/people";
import { checkEmailFree } from "./check-email-free";
import { findPerson } from "./find-person";
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
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return retryOnUniqueViolation(() =>
    runWrite(
      { actor: author, action: "person.update" },
      async (tx) => {
        const person = await findPerson(tx, { organizationId, ref: personId });
        if (changes.email) await checkEmailFree(tx, { organizationId, email: changes.email, personId: person.id });
        const key =
          changes.key === undefined
            ? undefined
            : await chooseKey({
                kind: "person",
                name: changes.name ?? person.name,
                requested: changes.key,
                currentKey: person.key,
                keysStartingWith: async (prefix) =>
                  (
                    await tx.person.findMany({
                      where: { organizationId, key: { startsWith: prefix } },
                      select: { key: true },
                    })
                  ).map((row) => row.key),
              });
        const updated = await tx.person.update({
          where: { id: person.id, organizationId },
          data: { name: changes.name, key, email: changes.email, capacity: changes.capacity },
          select: PERSON_VIEW_SELECT,
        });
        return toPersonView(updated);
      },
      changeOf(organization.id, author, "person"),
    ),
  );
}
