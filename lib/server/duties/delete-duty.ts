import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findDuty } from "./find-duty";

export type TDeletedDuty = { id: string; key: string; assignments: number };

/** Deletes a duty from the catalogue with its assignments in every team; says how many assignments went. */
export async function deleteDuty({
  actor,
  orgSlug,
  dutyId,
}: {
  actor: TActor | null;
  orgSlug: string;
  dutyId: string;
}): Promise<TDeletedDuty> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return runWrite(
    { actor: author, action: "duty.delete" },
    async (tx) => {
      const duty = await findDuty(tx, { organizationId, ref: dutyId });
      const assignments = await tx.assignment.count({ where: { dutyId: duty.id, organizationId } });
      await tx.duty.delete({ where: { id: duty.id, organizationId }, select: { id: true } });
      return { id: duty.id, key: duty.key, assignments };
    },
    changeOf(organization.id, author, "duty"),
  );
}
