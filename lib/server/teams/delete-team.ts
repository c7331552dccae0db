import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";

export type TDeletedTeam = { id: string; key: string; slots: number; assignments: number };

/** Deletes a team with its slots and their assignments; says how many of each went with it. */
export async function deleteTeam({
  actor,
  orgSlug,
  teamId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
}): Promise<TDeletedTeam> {
  return writeMap({ actor, orgSlug, action: "team.delete", entity: "team" }, async ({ tx, organizationId }) => {
    const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
    const slots = await tx.slot.count({ where: { teamId: team.id, organizationId } });
    const assignments = await tx.assignment.count({ where: { teamId: team.id, organizationId } });
    await tx.team.delete({ where: { id: team.id, organizationId }, select: { id: true } });
    return { id: team.id, key: team.key, slots, assignments };
  });
}
