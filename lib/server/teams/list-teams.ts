import "server-only";
import { db } from "@/lib/db";
import { BY_NAME, readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { TEAM_SUMMARY_SELECT, toTeamSummary, type TTeamSummary } from "./team-view";

/** The organisation's teams by name, each with its slots (and their holders) and its number of assignments. */
export async function listTeams(call: TOrgCall): Promise<TTeamSummary[]> {
  return readMap(call, async (organizationId) =>
    (await db.team.findMany({ where: { organizationId }, select: TEAM_SUMMARY_SELECT, orderBy: BY_NAME })).map(
      toTeamSummary,
    ),
  );
}
