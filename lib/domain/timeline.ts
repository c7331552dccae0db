// What has happened to a map and what is coming (issue 22): the journal's actions and the scheduled publishes, each
// with the flags it resolves and introduces.
import { analyzeMap, type TMapAnalysis, type TRuleFlag } from "./analyze-map";
import { flagChanges, type TComparedFlag } from "./map-compare";
import type { TMapDocument } from "./map-format";
import { termSentence, type TPlannedPublish, type TPlannedStep } from "./map-plan";
import type { TRemitMap } from "./model";
import { resolveRules, type TRules } from "./rules";

export type TTimelineItem = {
  /** ISO 8601. */
  at: string;
  /**
   * A journal action (past), a journal note (past, changed nothing), a scheduled publish (to come), or a term that
   * ends or a next holder who starts (to come).
   */
  kind: "action" | "note" | "scheduled_publish" | "term";
  sentence: string;
  groupId: string | null;
  draftId: string | null;
  /** For a scheduled publish: the conflicts that will make it refused (0 when it will publish). */
  conflicts: number;
  flags: { resolved: TComparedFlag[]; introduced: TComparedFlag[] };
};

const NO_FLAGS = { resolved: [], introduced: [] };

/** A scheduled publish as the timeline says it. */
function publishSentence(publish: TPlannedPublish): string {
  const count = publish.conflicts.length;
  return count === 0
    ? `Draft “${publish.name}” publishes as scheduled.`
    : `Draft “${publish.name}”: its scheduled publish will be refused (${count} ${count === 1 ? "conflict" : "conflicts"} with live).`;
}

/**
 * The scheduled publishes of a plan as timeline items, each with what it does to the flags of the map the ones
 * before it left (`live` first), judged by the rules of each map. `toMap` makes a document a map (with live's ids).
 */
export function plannedItems(
  live: { map: TRemitMap; rules: TRules },
  steps: readonly TPlannedStep[],
  toMap: (document: TMapDocument) => TRemitMap,
): TTimelineItem[] {
  if (steps.length === 0) return [];
  let flags: readonly TRuleFlag[] = analyzeMap(live.map, live.rules).flags;
  return steps.map((step) => {
    const publish = step.kind === "publish" ? step : null;
    const item: TTimelineItem = {
      at: step.at.toISOString(),
      kind: publish ? "scheduled_publish" : "term",
      sentence: publish ? publishSentence(publish) : termSentence(step as Exclude<TPlannedStep, TPlannedPublish>),
      groupId: null,
      draftId: publish?.id ?? null,
      conflicts: publish?.conflicts.length ?? 0,
      flags: NO_FLAGS,
    };
    if (publish && publish.conflicts.length > 0) return item;
    const after = analyzeMap(toMap(step.after), resolveRules(step.after.rules ?? [])).flags;
    const changes = flagChanges(flags, after);
    flags = after;
    return { ...item, flags: changes };
  });
}

/** What one past action did to the flags: the map just before it and just after, judged by `rules`. */
export function actionFlags(before: TRemitMap, after: TMapAnalysis<TRuleFlag>, rules: TRules) {
  const analysisBefore = analyzeMap(before, rules);
  return { analysisBefore, flags: flagChanges(analysisBefore.flags, after.flags) };
}
