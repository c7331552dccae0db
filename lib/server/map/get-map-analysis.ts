import "server-only";
import type { TMapAnalysis, TRuleFlag } from "@/lib/domain/analyze-map";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";
import { findByAddress } from "@/lib/domain/page-paths";
import { shownRef } from "@/lib/validation/map-fields";

/**
 * Every flag of the organisation's map under its rules, with counts and health scores (see `analyzeMap`). With `teamId` (an id or
 * key), the same shape narrowed to that team: its score, its flags (including the overloads of people who hold a
 * slot in it) and their counts. The whole map is analysed either way, since an overload spans teams. With `at`, the
 * map as it was at a past moment or will be at a future one (see readSnapshotAt).
 */
export async function getMapAnalysis({
  actor,
  orgSlug,
  teamId,
  at,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId?: string;
  at?: Date;
}): Promise<TMapAnalysis<TRuleFlag>> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { map, analysis } = await readSnapshotAt(organization.id, at);
  if (teamId === undefined) return analysis;
  const team = findByAddress(map.teams, teamId);
  const result = team && analysis.teams.find((entry) => entry.team.id === team.id);
  if (!result)
    throw new AppError("not_found", `There is no team with the id or key "${shownRef(teamId)}" in this organisation.`);
  return { score: result.score, counts: result.counts, flags: result.flags, teams: [result] };
}
