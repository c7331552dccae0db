// "Are we getting better?": the organisation's flags and average health at the end of each day, rebuilt from the
// journal by rewinding today's rows a day at a time.
import { analyzeMap, type TKindCounts, type TMapAnalysis, type TRuleFlag } from "./analyze-map";
import { copyMapRows, mapFromRows, type TJournalEntry, type TMapRows } from "./journal";
import { DEFAULT_RULES, type TRules } from "./rules";

export type THealthPoint = {
  /** The UTC day, YYYY-MM-DD: the state at its end (for today: now). */
  day: string;
  /** Mean team score; null when there were no teams. */
  score: number | null;
  /** Flags of each kind: the six on by default always, each other rule's while it is on. */
  counts: TKindCounts;
};

const DAY_MS = 86_400_000;

/** The last `count` UTC days up to the one holding `now`, oldest first. */
export function lastDays(count: number, now: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: count }, (_, index) =>
    new Date(today - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** A day's analysis, as the chart shows it. */
export function healthPointOf(
  day: string,
  analysis: Pick<TMapAnalysis<TRuleFlag>, "flags" | "score" | "counts">,
): THealthPoint {
  return { day, score: analysis.score, counts: { ...analysis.counts.byKind } };
}

/** A day's point from the map's rows as they were at its end, under `rules` (the chart uses today's). */
export function healthPoint(day: string, rows: TMapRows, rules: TRules = DEFAULT_RULES): THealthPoint {
  return healthPointOf(day, analyzeMap(mapFromRows(rows), rules));
}

/**
 * The health at the end of each of `days` (oldest first), from the rows as they are now and every journal entry
 * since the first day began. Days before `since` (when the journal began for the organisation) are left out:
 * nothing is known of them. `known` gives points already computed for finished days, which never change.
 */
export function healthHistory({
  rows,
  entries,
  days,
  since,
  known = new Map(),
  rules = DEFAULT_RULES,
}: {
  rows: TMapRows;
  entries: readonly Pick<TJournalEntry, "seq" | "at" | "entity" | "entityId" | "before">[];
  days: readonly string[];
  since: string | null;
  known?: ReadonlyMap<string, THealthPoint>;
  /** The rules every day is judged by: today's. */
  rules?: TRules;
}): THealthPoint[] {
  const state = copyMapRows(rows);
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  let next = 0;
  const points: THealthPoint[] = [];
  for (const day of [...days].reverse()) {
    const end = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString();
    if (since !== null && since >= end) break;
    // Rewind what happened after the day ended.
    for (; next < newestFirst.length && newestFirst[next]!.at >= end; next++) {
      const entry = newestFirst[next]!;
      if (entry.before) state[entry.entity].set(entry.entityId, entry.before);
      else state[entry.entity].delete(entry.entityId);
    }
    points.push(known.get(day) ?? healthPoint(day, state, rules));
  }
  return points.reverse();
}
