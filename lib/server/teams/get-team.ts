import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { readTeamDetail, type TTeamDetail } from "./team-view";

/** One team (by id or key) with its slots and assignments: everything its grid needs besides the duty catalogue. */
export async function getTeam({
  actor,
  orgSlug,
  teamId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
}): Promise<TTeamDetail> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const team = await findMapRow(db, "team", { organizationId: organization.id, ref: teamId });
  return readTeamDetail(db, { organizationId: organization.id, teamId: team.id });
}
