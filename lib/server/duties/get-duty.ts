import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { DUTY_VIEW_SELECT, toDutyView, type TDutyView } from "./duty-view";
import { findMapRow } from "@/lib/server/kernel/find-map-row";

/**
 * One duty (by id or key). Its `assignmentCount` is what deleting it would remove, for the confirmation
 * "this removes N assignments".
 */
export async function getDuty({
  actor,
  orgSlug,
  dutyId,
}: {
  actor: TActor | null;
  orgSlug: string;
  dutyId: string;
}): Promise<TDutyView> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { id } = await findMapRow(db, "duty", { organizationId: organization.id, ref: dutyId });
  const duty = await db.duty.findFirstOrThrow({
    where: { id, organizationId: organization.id },
    select: DUTY_VIEW_SELECT,
  });
  return toDutyView(duty);
}
