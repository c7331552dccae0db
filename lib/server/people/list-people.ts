import "server-only";
import { db } from "@/lib/db";
import { BY_NAME, readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** The organisation's people by name, each with the slots they hold and their total allocation. */
export async function listPeople(call: TOrgCall): Promise<TPersonView[]> {
  return readMap(call, async (organizationId) =>
    (await db.person.findMany({ where: { organizationId }, select: PERSON_VIEW_SELECT, orderBy: BY_NAME })).map(
      toPersonView,
    ),
  );
}
