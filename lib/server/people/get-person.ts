import "server-only";
import { db } from "@/lib/db";
import { readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { PERSON_VIEW_SELECT, toPersonView, type TPersonView } from "./person-view";

/** One person (by id or key) with the slots they hold; `slots` is also what deleting them would vacate. */
export async function getPerson({ personId, ...call }: TOrgCall & { personId: string }): Promise<TPersonView> {
  return readMap(call, async (organizationId) => {
    const { id } = await findMapRow(db, "person", { organizationId, ref: personId });
    return toPersonView(
      await db.person.findFirstOrThrow({ where: { id, organizationId }, select: PERSON_VIEW_SELECT }),
    );
  });
}
