import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { SLOT_VIEW_SELECT, toSlotView, type TSlotView } from "@/lib/server/kernel/slot-view";

/** One slot of a team (each by id or key); `assignmentCount` is what deleting it would remove. */
export async function getSlot({
  actor,
  orgSlug,
  teamId,
  slotId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
  slotId: string;
}): Promise<TSlotView> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const organizationId = organization.id;
  const team = await findMapRow(db, "team", { organizationId, ref: teamId });
  const { id } = await findMapRow(db, "slot", { organizationId, team, ref: slotId });
  return toSlotView(await db.slot.findFirstOrThrow({ where: { id, organizationId }, select: SLOT_VIEW_SELECT }));
}
