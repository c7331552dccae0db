import "server-only";
import { analyzeMap } from "@/lib/domain/analyze-map";
import { dutyUsage, type TDutyUsage } from "@/lib/domain/duty-rows";
import { mapSlice, type TMapScope } from "@/lib/domain/map-slice";
import type { TRemitMap } from "@/lib/domain/model";
import { peoplePage, peopleRows, type TPeopleCounts, type TPersonRow } from "@/lib/domain/people-view";
import { listRuleSettings, type TRules, type TRuleSetting } from "@/lib/domain/rules";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { shownRef } from "@/lib/validation/map-fields";
import { readMapAt } from "@/lib/server/kernel/map-snapshot";

/**
 * The organisation's map with ids and versions, as the browser's screens work on it, the rules it is checked against
 * (today's, also for a past map), and the moment it shows (see currentAsOf). With a scope, only the part of it that
 * one screen needs (see `mapSlice`); a team or person may be given by id or key. The duties' part comes with how much
 * each duty is used, counted on the whole map; a page of the people directory with how many people match.
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
}): Promise<{
  map: TRemitMap;
  rules: TRuleSetting[];
  loadedAt: number;
  dutyUsage?: TDutyUsage;
  peopleCounts?: TPeopleCounts;
}> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const team = scope !== undefined && typeof scope === "object" && "teamId" in scope ? scope.teamId : undefined;
  const read = await readMapAt(organization.id, at, team);
  const { map, loadedAt } = read;
  const rules = listRuleSettings(read.rules);
  if (scope === undefined) return { map, rules, loadedAt };
  if (scope === "people" || scope === "roster") return { map: mapSlice(map, scope)!, rules, loadedAt };
  if (scope === "duties") return { map: mapSlice(map, scope)!, rules, loadedAt, dutyUsage: dutyUsage(map) };
  if ("people" in scope) {
    // Which people match (their load) and their order are the whole directory's: the page is cut here.
    const { people, rows } = directoryOf(map, read.rules);
    const page = peoplePage(people, rows, scope.people);
    return { map: page.map, rules, loadedAt, peopleCounts: page.counts };
  }
  const [ref, candidates, noun] =
    "teamId" in scope ? [scope.teamId, map.teams, "team"] : [scope.personId, map.people, "person"];
  const found = candidates.find((candidate) => candidate.id === ref || candidate.key === ref);
  const slice = found ? mapSlice(map, "teamId" in scope ? { teamId: found.id } : { personId: found.id }) : null;
  if (!slice)
    throw new AppError("not_found", `There is no ${noun} with the id or key "${shownRef(ref)}" in this organisation.`);
  return { map: slice, rules, loadedAt };
}

/**
 * The people part of a map and everyone's row, kept while the map is (the cached snapshot's, until a change): at
 * 1,000 teams they take about 50 ms to make, and every search and every page of the directory asks for them.
 */
const directories = new WeakMap<TRemitMap, { rules: TRules; people: TRemitMap; rows: TPersonRow[] }>();
function directoryOf(map: TRemitMap, rules: TRules): { people: TRemitMap; rows: TPersonRow[] } {
  const kept = directories.get(map);
  if (kept?.rules === rules) return kept;
  const people = mapSlice(map, "people")!;
  const directory = { rules, people, rows: peopleRows(people, analyzeMap(people, rules)) };
  directories.set(map, directory);
  return directory;
}
