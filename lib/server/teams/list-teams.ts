import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { TEAM_SUMMARY_SELECT, toTeamSummary, type TTeamSummary } from "./team-view";

/** The organisation's teams by name, each with its slots (and their holders) and its number of assignments. */
export async function listTeams({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<TTeamSummary[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const teams = await db.team.findMany({
    where: { organizationId: organization.id },
    select: TEAM_SUMMARY_SELECT,
    orderBy: [{ name: "asc" }, { key: "asc" }],
  });
  return teams.map(toTeamSummary);
}
