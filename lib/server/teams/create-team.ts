import "server-only";
import { NEW_TEAM_SLOTS } from "@/lib/domain/model";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { createMapRow } from "@/lib/server/kernel/write-map-row";
import type { TCreateTeam } from "@/lib/validation/teams";
import { readTeamDetail, type TTeamDetail } from "./team-view";

/** Creates a team with a vacant PO slot and a vacant PM slot. The key is made from the name unless given. */
export async function createTeam({
  name,
  key,
  description,
  group,
  ...call
}: TOrgCall & TCreateTeam): Promise<TTeamDetail> {
  return createMapRow(call, "team", { name, key }, async (tx, teamKey, organizationId) => {
    const team = await tx.team.create({
      data: {
        organizationId,
        key: teamKey,
        name,
        description: description ?? null,
        // An empty group is no group.
        group: group || null,
        slots: { create: NEW_TEAM_SLOTS.map((slot) => ({ ...slot, organizationId })) },
      },
      select: { id: true },
    });
    return readTeamDetail(tx, { organizationId, teamId: team.id });
  });
}
