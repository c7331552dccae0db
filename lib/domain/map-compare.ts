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

/** A team that a comparison's second map adds, removes or changes, and what about it changes, in words. */
export type TTeamChange = { key: string; name: string; kind: "added" | "removed" | "changed"; what: string[] };

/** The part of a team's address before the first "/" of a diff entry's id (`team`, `team/slot`, `team/duty/slot`). */
const teamKeyOf = (entryId: string) => entryId.split("/", 1)[0]!;

/**
 * The teams a comparison touches, by key, in the order of `comparison.teams` then by name: added, removed, or changed
 * in their own fields, their slots (holder, allocation, role), their duties' assignments or their health. What the
 * structure view marks on a draft's picture.
 */
export function teamChanges(comparison: Pick<TMapComparison, "changes" | "teams">): TTeamChange[] {
  const { changes } = comparison;
  const names = new Map<string, string>();
  const entries = new Map<string, TTeamChange>();
  const note = (key: string, kind: TTeamChange["kind"], what?: string) => {
    const entry = entries.get(key) ?? { key, name: names.get(key) ?? key, kind, what: [] };
    if (kind !== "changed") entry.kind = kind;
    if (what && !entry.what.includes(what)) entry.what.push(what);
    entries.set(key, entry);
  };
  for (const team of comparison.teams) names.set(team.key, team.name);
  for (const team of [...changes.teams.added, ...changes.teams.removed, ...changes.teams.changed]) {
    names.set(team.id, team.label);
  }
  for (const team of changes.teams.added) note(team.id, "added");
  for (const team of changes.teams.removed) note(team.id, "removed");
  for (const team of changes.teams.changed) {
    for (const change of team.changes) note(team.id, "changed", change.field);
  }
  for (const kind of ["slots", "assignments"] as const) {
    const diff = changes[kind];
    for (const entry of [...diff.added, ...diff.removed, ...diff.changed]) {
      const key = teamKeyOf(entry.id);
      // Labels start with the team's name: "Checkout · PO".
      if (!names.has(key)) names.set(key, entry.label.split(" · ", 1)[0]!);
      note(key, "changed", kind === "slots" ? "slots" : "duties");
    }
  }
  for (const team of comparison.teams) {
    if (team.before !== null && team.after !== null) note(team.key, "changed", `health ${team.before} → ${team.after}`);
  }
  const added = [...entries.values()].filter((entry) => entry.kind !== "changed" || entry.what.length > 0);
  // A removed team's slots and assignments are removed with it: the team's removal says it all.
  for (const entry of added) if (entry.kind !== "changed") entry.what = [];
  return added.sort((a, b) => a.name.localeCompare(b.name));
}

/** A team change in words: "new", "removed", "changed: slots, health 94 → 80". */
export function describeTeamChange(change: Pick<TTeamChange, "kind" | "what">): string {
  if (change.kind === "added") return "new";
  if (change.kind === "removed") return "removed";
  return `changed: ${change.what.join(", ")}`;
}
