import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** The organisation's people by name, each with the slots they hold and their total allocation. */
export async function listPeople({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<TPersonView[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const people = await db.person.findMany({
    where: { organizationId: organization.id },
    select: PERSON_VIEW_SELECT,
    orderBy: [{ name: "asc" }, { key: "asc" }],
  });
  return people.map(toPersonView);
}
