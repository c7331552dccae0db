import "server-only";
import { db } from "@/lib/db";
import { readMap } from "@/lib/server/kernel/map-read";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { readTeamDetail, type TTeamDetail } from "./team-view";

/** One team (by id or key) with its slots and assignments: everything its grid needs besides the duty catalogue. */
export async function getTeam({ teamId, ...call }: TOrgCall & { teamId: string }): Promise<TTeamDetail> {
  return readMap(call, async (organizationId) => {
    const team = await findMapRow(db, "team", { organizationId, ref: teamId });
    return readTeamDetail(db, { organizationId, teamId: team.id });
  });
}
