import "server-only";
import { dutyUsage, type TDutyUsage } from "@/lib/domain/duty-rows";
import { mapSlice, type TMapScope } from "@/lib/domain/map-slice";
import type { TRemitMap } from "@/lib/domain/model";
import { listRuleSettings, type TRuleSetting } from "@/lib/domain/rules";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { shownRef } from "@/lib/validation/map-fields";
import { readMapAt } from "@/lib/server/kernel/map-snapshot";

/**
 * The organisation's map with ids and versions, as the browser's screens work on it, the rules it is checked against
 * (today's, also for a past map), and the moment it shows (see currentAsOf). With a scope, only the part of it that
 * one screen needs (see `mapSlice`); a team or person may be given by id or key. The duties' part comes with how much
 * each duty is used, counted on the whole map.
 */
export async function getMapState({
  actor,
  orgSlug,
  scope,
  at,
}: {
  actor: TActor | null;
  orgSlug: string;
  scope?: TMapScope;
  /** A past moment: the map as it was then (see loadMapAt). */
  at?: Date;
}): Promise<{ map: TRemitMap; rules: TRuleSetting[]; loadedAt: number; dutyUsage?: TDutyUsage }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const team = scope !== undefined && typeof scope === "object" && "teamId" in scope ? scope.teamId : undefined;
  const read = await readMapAt(organization.id, at, team);
  const { map, loadedAt } = read;
  const rules = listRuleSettings(read.rules);
  if (scope === undefined) return { map, rules, loadedAt };
  if (scope === "people" || scope === "roster") return { map: mapSlice(map, scope)!, rules, loadedAt };
  if (scope === "duties") return { map: mapSlice(map, scope)!, rules, loadedAt, dutyUsage: dutyUsage(map) };
  const [ref, candidates, noun] =
    "teamId" in scope ? [scope.teamId, map.teams, "team"] : [scope.personId, map.people, "person"];
  const found = candidates.find((candidate) => candidate.id === ref || candidate.key === ref);
  const slice = found ? mapSlice(map, "teamId" in scope ? { teamId: found.id } : { personId: found.id }) : null;
  if (!slice)
    throw new AppError("not_found", `There is no ${noun} with the id or key "${shownRef(ref)}" in this organisation.`);
  return { map: slice, rules, loadedAt };
}
