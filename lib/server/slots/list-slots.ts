import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { SLOT_VIEW_SELECT, toSortedSlotViews, type TSlotView } from "@/lib/server/kernel/slot-view";

/** A team's slots in order, with their holders and numbers of assignments. */
export async function listSlots({
  actor,
  orgSlug,
  teamId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
}): Promise<TSlotView[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const team = await findMapRow(db, "team", { organizationId: organization.id, ref: teamId });
  const slots = await db.slot.findMany({
    where: { teamId: team.id, organizationId: organization.id },
    select: SLOT_VIEW_SELECT,
  });
  return toSortedSlotViews(slots);
}
