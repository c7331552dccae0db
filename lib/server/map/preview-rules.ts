import "server-only";
import { analyzeMap, type TRuleFlag } from "@/lib/domain/analyze-map";
import { applyRuleChanges } from "@/lib/domain/rules";
import { db } from "@/lib/db";
import { authorize } from "@/lib/server/auth/authorize";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import { checkedRuleChanges } from "./rule-views";

export type TRulesPreview = {
  score: { before: number | null; after: number | null };
  counts: { before: TSeverityCounts; after: TSeverityCounts };
  flags: { introduced: TRuleFlag[]; resolved: TRuleFlag[] };
};
type TSeverityCounts = { error: number; warning: number; info: number };

/**
 * What changing the rules as `body` says would do to the map as it is now, without saving: the flags it would raise
 * and resolve (a flag whose severity changes counts as both), and the health before and after. Any member may ask.
 */
export async function previewRules({ body, ...call }: TOrgCall & { body: unknown }): Promise<TRulesPreview> {
  const { organization } = await authorize({ ...call, permission: "read" });
  const changes = await checkedRuleChanges(db, organization.id, body);
  const { map, analysis: before, rules } = await mapSnapshots.read(organization.id);
  const after = analyzeMap(map, applyRuleChanges(rules, changes));
  const shown = (flag: TRuleFlag) => `${flag.id}\n${flag.severity}`;
  const beforeFlags = new Set(before.flags.map(shown));
  const afterFlags = new Set(after.flags.map(shown));
  return {
    score: { before: before.score, after: after.score },
    counts: { before: before.counts.bySeverity, after: after.counts.bySeverity },
    flags: {
      introduced: after.flags.filter((flag) => !beforeFlags.has(shown(flag))),
      resolved: before.flags.filter((flag) => !afterFlags.has(shown(flag))),
    },
  };
}
