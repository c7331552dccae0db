import "server-only";
import { db } from "@/lib/db";
import { BY_NAME, readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { teamSummarySelect, toTeamSummary, type TTeamSummary } from "./team-view";

/** The organisation's teams by name, each with its slots (and their holders) and its number of assignments. */
export async function listTeams(call: TOrgCall): Promise<TTeamSummary[]> {
  return readMap(call, async (organizationId) =>
    (
      await db.team.findMany({ where: { organizationId }, select: teamSummarySelect(organizationId), orderBy: BY_NAME })
    ).map(toTeamSummary),
  );
}
