import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { retryOnUniqueViolation } from "@/lib/server/kernel/retry-on-unique-violation";
import type { TCreatePerson } from "@/lib/validation/people";
import { checkEmailFree } from "./check-email-free";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** Adds a person, who need not be a user. The key is made from the name unless given; an email must be free. */
export async function createPerson({
  actor,
  orgSlug,
  name,
  key,
  email,
  capacity,
}: { actor: TActor | null; orgSlug: string } & TCreatePerson): Promise<TPersonView> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return retryOnUniqueViolation(() =>
    runWrite(
      { actor: author, action: "person.create" },
      async (tx) => {
        if (email) await checkEmailFree(tx, { organizationId, email });
        const personKey = await chooseKey({
          kind: "person",
          name,
          requested: key,
          keysStartingWith: async (prefix) =>
            (
              await tx.person.findMany({
                where: { organizationId, key: { startsWith: prefix } },
                select: { key: true },
              })
            ).map((person) => person.key),
        });
        const person = await tx.person.create({
          data: { organizationId, key: personKey, name, email: email ?? null, capacity },
          select: PERSON_VIEW_SELECT,
        });
        return toPersonView(person);
      },
      changeOf(organization.id, author, "person"),
    ),
  );
}
