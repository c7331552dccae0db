import "server-only";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import { NEW_TEAM_SLOTS } from "@/lib/domain/model";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { retryOnUniqueViolation } from "@/lib/server/kernel/retry-on-unique-violation";
import type { TCreateTeam } from "@/lib/validation/teams";
import { readTeamDetail, type TTeamDetail } from "./team-view";

/** Creates a team with a vacant PO slot and a vacant PM slot. The key is made from the name unless given. */
export async function createTeam({
  actor,
  orgSlug,
  name,
  key,
  description,
}: { actor: TActor | null; orgSlug: string } & TCreateTeam): Promise<TTeamDetail> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  return retryOnUniqueViolation(() =>
    runWrite(
      { actor: author, action: "team.create" },
      async (tx) => {
        const teamKey = await chooseKey({
          kind: "team",
          name,
          requested: key,
          keysStartingWith: async (prefix) =>
            (
              await tx.team.findMany({ where: { organizationId, key: { startsWith: prefix } }, select: { key: true } })
            ).map((team) => team.key),
        });
        const team = await tx.team.create({
          data: {
            organizationId,
            key: teamKey,
            name,
            description: description ?? null,
            slots: { create: NEW_TEAM_SLOTS.map((slot) => ({ ...slot, organizationId })) },
          },
          select: { id: true },
        });
        return readTeamDetail(tx, { organizationId, teamId: team.id });
      },
      changeOf(organization.id, author, "team"),
    ),
  );
}
