import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { retryOnUniqueViolation } from "@/lib/server/kernel/retry-on-unique-violation";
import type { TUpdateTeam } from "@/lib/validation/teams";
import { findTeam } from "@/lib/server/kernel/find-map-row";
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
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return retryOnUniqueViolation(() =>
    runWrite(
      { actor: author, action: "team.update" },
      async (tx) => {
        const team = await findTeam(tx, { organizationId, ref: teamId });
        const key =
          changes.key === undefined
            ? undefined
            : await chooseKey({
                kind: "team",
                name: changes.name ?? team.name,
                requested: changes.key,
                currentKey: team.key,
                keysStartingWith: async (prefix) =>
                  (
                    await tx.team.findMany({
                      where: { organizationId, key: { startsWith: prefix } },
                      select: { key: true },
                    })
                  ).map((row) => row.key),
              });
        await tx.team.update({
          where: { id: team.id, organizationId },
          data: { name: changes.name, key, description: changes.description },
          select: { id: true },
        });
        return readTeamDetail(tx, { organizationId, teamId: team.id });
      },
      changeOf(organization.id, author, "team"),
    ),
  );
}
