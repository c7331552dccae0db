import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { createMapRow } from "@/lib/server/kernel/write-map-row";
import type { TCreatePerson } from "@/lib/validation/people";
import { checkEmailFree } from "./check-email-free";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** Adds a person, who need not be a user. The key is made from the name unless given; an email must be free. */
export async function createPerson({
  name,
  key,
  email,
  capacity,
  ...call
}: TOrgCall & TCreatePerson): Promise<TPersonView> {
  const check = async (tx: Parameters<typeof checkEmailFree>[0], organizationId: string) => {
    if (email) await checkEmailFree(tx, { organizationId, email });
  };
  return createMapRow(call, "person", { name, key, check }, async (tx, personKey, organizationId) =>
    toPersonView(
      await tx.person.create({
        data: { organizationId, key: personKey, name, email: email ?? null, capacity },
        select: PERSON_VIEW_SELECT,
      }),
    ),
  );
}
