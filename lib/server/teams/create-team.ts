import "server-only";
import { NEW_TEAM_SLOTS } from "@/lib/domain/model";
import type { TActor } from "@/lib/server/auth/actor";
import { chooseKey } from "@/lib/server/kernel/choose-key";
import { writeMap } from "@/lib/server/kernel/map-write";
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
  return writeMap(
    { actor, orgSlug, action: "team.create", entity: "team", retriesUniqueViolations: true },
    async ({ tx, organizationId }) => {
      const team = await tx.team.create({
        data: {
          organizationId,
          key: await chooseKey(tx, "team", { organizationId }, { name, requested: key }),
          name,
          description: description ?? null,
          slots: { create: NEW_TEAM_SLOTS.map((slot) => ({ ...slot, organizationId })) },
        },
        select: { id: true },
      });
      return readTeamDetail(tx, { organizationId, teamId: team.id });
    },
  );
}
