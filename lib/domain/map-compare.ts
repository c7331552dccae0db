// Comparing two maps (a draft with live, or two drafts): what changed, matched by key, and what it does to the
// analysis: flags resolved and introduced, and health before and after, per team and for the organisation.
import { analyzeMap, type TRuleFlag, type TSeverity } from "./analyze-map";
import { diffMapDocuments, type TMapDiff } from "./map-diff";
import { mapToDocument } from "./map-document";
import type { TRemitMap } from "./model";
import { DEFAULT_RULES, type TRuleId, type TRules } from "./rules";

export type TComparedFlag = { key: string; kind: TRuleId; severity: TSeverity; message: string };

export type TMapComparison = {
  changes: TMapDiff;
  score: { before: number | null; after: number | null };
  /** Teams in either map whose score differs (null where the team is absent), worst change first. */
  teams: { key: string; name: string; before: number | null; after: number | null }[];
  flags: { resolved: TComparedFlag[]; introduced: TComparedFlag[] };
};

/** A flag's identity across two maps, by keys (ids differ between a draft and live). */
export function flagKey(flag: TRuleFlag): string {
  const parts: string[] = [flag.kind];
  if ("team" in flag) parts.push(flag.team.key);
  if ("duty" in flag) parts.push(flag.duty.key);
  if ("slot" in flag) parts.push(flag.slot.key);
  if ("person" in flag) parts.push(flag.person.key);
  return parts.join(":");
}

/** The flags that going from `before` to `after` resolves and introduces, matched by flagKey. */
export function flagChanges(
  before: readonly TRuleFlag[],
  after: readonly TRuleFlag[],
): { resolved: TComparedFlag[]; introduced: TComparedFlag[] } {
  const [flagsBefore, flagsAfter] = [comparedFlags(before), comparedFlags(after)];
  return {
    resolved: [...flagsBefore.values()].filter((flag) => !flagsAfter.has(flag.key)),
    introduced: [...flagsAfter.values()].filter((flag) => !flagsBefore.has(flag.key)),
  };
}

function comparedFlags(flags: readonly TRuleFlag[]): Map<string, TComparedFlag> {
  return new Map(
    flags.map((flag) => {
      const key = flagKey(flag);
      return [key, { key, kind: flag.kind, severity: flag.severity, message: flag.message }];
    }),
  );
}

const DEFAULTS_ON_BOTH = { before: DEFAULT_RULES, after: DEFAULT_RULES };

/**
 * What going from `before` to `after` changes, and does to gaps, overlaps and health: each map judged by its own
 * rules (a draft may change them), whose changes are listed with the map's.
 */
export function compareMaps(
  before: TRemitMap,
  after: TRemitMap,
  rules: { before: TRules; after: TRules } = DEFAULTS_ON_BOTH,
): TMapComparison {
  const [analysisBefore, analysisAfter] = [analyzeMap(before, rules.before), analyzeMap(after, rules.after)];
  const scores = (analysis: typeof analysisBefore) =>
    new Map(analysis.teams.map((team) => [team.team.key, team.score]));
  const [scoresBefore, scoresAfter] = [scores(analysisBefore), scores(analysisAfter)];
  const names = new Map([...before.teams, ...after.teams].map((team) => [team.key, team.name]));
  const teams = [...names.keys()]
    .map((key) => ({
      key,
      name: names.get(key)!,
      before: scoresBefore.get(key) ?? null,
      after: scoresAfter.get(key) ?? null,
    }))
    .filter((team) => team.before !== team.after)
    .sort(
      (a, b) => (a.after ?? 0) - (a.before ?? 0) - ((b.after ?? 0) - (b.before ?? 0)) || a.name.localeCompare(b.name),
    );
  return {
    changes: diffMapDocuments(mapToDocument(before, rules.before), mapToDocument(after, rules.after)),
    score: { before: analysisBefore.score, after: analysisAfter.score },
    teams,
    flags: flagChanges(analysisBefore.flags, analysisAfter.flags),
  };
}
