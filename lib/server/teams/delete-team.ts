import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findTeam } from "@/lib/server/kernel/find-map-row";

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
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return runWrite(
    { actor: author, action: "team.delete" },
    async (tx) => {
      const team = await findTeam(tx, { organizationId, ref: teamId });
      const slots = await tx.slot.count({ where: { teamId: team.id, organizationId } });
      const assignments = await tx.assignment.count({ where: { teamId: team.id, organizationId } });
      await tx.team.delete({ where: { id: team.id, organizationId }, select: { id: true } });
      return { id: team.id, key: team.key, slots, assignments };
    },
    changeOf(organization.id, author, "team"),
  );
}
