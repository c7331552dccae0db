import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { writeMap } from "@/lib/server/kernel/map-write";
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
  return writeMap(
    { actor, orgSlug, action: "person.create", entity: "person", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      if (email) await checkEmailFree(tx, { organizationId, email });
      const personKey = await chooseKey(tx, "person", { organizationId }, { name, requested: key });
      const person = await tx.person.create({
        data: { organizationId, key: personKey, name, email: email ?? null, capacity },
        select: PERSON_VIEW_SELECT,
      });
      return toPersonView(person);
    },
  );
}
