import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** One person (by id or key) with the slots they hold; `slots` is also what deleting them would vacate. */
export async function getPerson({
  actor,
  orgSlug,
  personId,
}: {
  actor: TActor | null;
  orgSlug: string;
  personId: string;
}): Promise<TPersonView> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { id } = await findMapRow(db, "person", { organizationId: organization.id, ref: personId });
  const person = await db.person.findFirstOrThrow({
    where: { id, organizationId: organization.id },
    select: PERSON_VIEW_SELECT,
  });
  return toPersonView(person);
}
