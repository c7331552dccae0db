import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { deleteMapRow } from "@/lib/server/kernel/write-map-row";

export type TDeletedTeam = { id: string; key: string; slots: number; assignments: number };

/** Deletes a team with its slots and their assignments; says how many of each went with it. */
export async function deleteTeam({ teamId, ...call }: TOrgCall & { teamId: string }): Promise<TDeletedTeam> {
  return deleteMapRow(call, { kind: "team", ref: teamId }, async (tx, team, organizationId) => ({
    slots: await tx.slot.count({ where: { teamId: team.id, organizationId } }),
    assignments: await tx.assignment.count({ where: { teamId: team.id, organizationId } }),
  }));
}
