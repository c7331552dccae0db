import "server-only";
import { db } from "@/lib/db";
import { compareDuties } from "@/lib/domain/model";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { DUTY_VIEW_SELECT, toDutyView, type TDutyView } from "./duty-view";

/** The organisation's duty catalogue in order, each duty with its number of assignments. */
export async function listDuties({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }): Promise<TDutyView[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const duties = await db.duty.findMany({ where: { organizationId: organization.id }, select: DUTY_VIEW_SELECT });
  return duties.map(toDutyView).sort(compareDuties);
}
