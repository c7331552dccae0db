import "server-only";
import { db } from "@/lib/db";
import type { TMapAnalysis, TRuleFlag } from "@/lib/domain/analyze-map";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";

/**
 * Every flag of the organisation's map under its rules, with counts and health scores (see `analyzeMap`). With `teamId` (an id or
 * key), the same shape narrowed to that team: its score, its flags (including the overloads of people who hold a
 * slot in it) and their counts. The whole map is analysed either way, since an overload spans teams.
 */
export async function getMapAnalysis({
  actor,
  orgSlug,
  teamId,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId?: string;
}): Promise<TMapAnalysis<TRuleFlag>> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const team =
    teamId === undefined ? null : await findMapRow(db, "team", { organizationId: organization.id, ref: teamId });
  const { analysis } = await mapSnapshots.read(organization.id);
  if (!team) return analysis;
  const result = analysis.teams.find((entry) => entry.team.id === team.id);
  // The team was deleted between the two reads.
  if (!result) throw new AppError("not_found", `There is no team with the id or key "${teamId}" in this organisation.`);
  return { score: result.score, counts: result.counts, flags: result.flags, teams: [result] };
}
