import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findTeam } from "@/lib/server/kernel/find-map-row";
import { findSlot } from "./find-slot";

export type TDeletedSlot = { id: string; key: string; assignments: number };

/** Deletes a slot with its assignments; says how many assignments went with it. */
export async function deleteSlot({
  actor,
  orgSlug,
  teamId,
  slotId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
  slotId: string;
}): Promise<TDeletedSlot> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return runWrite(
    { actor: author, action: "slot.delete" },
    async (tx) => {
      const team = await findTeam(tx, { organizationId, ref: teamId });
      const slot = await findSlot(tx, { organizationId, team, ref: slotId });
      const assignments = await tx.assignment.count({ where: { slotId: slot.id, organizationId } });
      await tx.slot.delete({ where: { id: slot.id, organizationId }, select: { id: true } });
      return { id: slot.id, key: slot.key, assignments };
    },
    changeOf(organization.id, author, "slot"),
  );
}
