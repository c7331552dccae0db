import "server-only";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { updateMapRow } from "@/lib/server/kernel/write-map-row";
import type { TUpdateTeam } from "@/lib/validation/teams";
import { readTeamDetail, type TTeamDetail } from "./team-view";

type TTeamChange = { teamId: string; changes: TUpdateTeam };

/** Renames a team, changes its key or its description. Renaming keeps the key: keys are stable references. */
export async function updateTeam({ teamId, changes, ...call }: TOrgCall & TTeamChange): Promise<TTeamDetail> {
  return updateMapRow(call, "team", { ref: teamId, changes }, async (tx, team, key, organizationId) => {
    await tx.team.update({
      where: { id: team.id, organizationId },
      data: {
        name: changes.name,
        key,
        description: changes.description,
        group: changes.group === undefined ? undefined : changes.group || null,
      },
      select: { id: true },
    });
    return readTeamDetail(tx, { organizationId, teamId: team.id });
  });
}
