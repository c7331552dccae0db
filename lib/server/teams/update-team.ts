import "server-only";
import type { TActor } from "@/lib/server/auth/actor";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { writeMap } from "@/lib/server/kernel/map-write";
import type { TUpdateTeam } from "@/lib/validation/teams";
import { readTeamDetail, type TTeamDetail } from "./team-view";

/** Renames a team, changes its key or its description. Renaming keeps the key: keys are stable references. */
export async function updateTeam({
  actor,
  orgSlug,
  teamId,
  changes,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
  changes: TUpdateTeam;
}): Promise<TTeamDetail> {
  return writeMap(
    { actor, orgSlug, action: "team.update", entity: "team", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
      const key =
        changes.key === undefined
          ? undefined
          : await chooseKey(
              tx,
              "team",
              { organizationId },
              { name: changes.name ?? team.name, requested: changes.key, currentKey: team.key },
            );
      await tx.team.update({
        where: { id: team.id, organizationId },
        data: { name: changes.name, key, description: changes.description },
        select: { id: true },
      });
      return readTeamDetail(tx, { organizationId, teamId: team.id });
    },
  );
}
