// Part 1: how long the gap/overlap analysis of a whole organisation takes, in-process, median of repeated runs, for
// each size; beside a baseline measured in the same run (grouping the same assignments by team and duty, which any
// such analysis must at least do, and which grows linearly), and how cost grows with size; and the same analysis with
// every rule of issue 21 turned on, the most an organisation's rules can ask of it.
import { analyzeMap } from "@/lib/domain/analyze-map";
import { generateMap } from "@/lib/domain/generate-map";
import type { TRemitMap } from "@/lib/domain/model";
import { resolveRules, RULE_IDS } from "@/lib/domain/rules";
import { BENCH_SEED } from "./lib/organisations";
import { median, percentile, ratio, round } from "./lib/stats";

// Enough that the JIT has compiled the hot code and the timings settle, small maps included.
const WARM_UP = { runs: 5, ms: 500 };
const MIN_MEASURED_MS = 1_000;
const MAX_RUNS = 2_000;

export type TAnalysisResult = {
  teams: number;
  people: number;
  slots: number;
  assignments: number;
  flags: number;
  /** Timed runs (at least the asked number, and at least a second's worth). */
  runs: number;
  medianMs: number;
  p90Ms: number;
  baselineMedianMs: number;
  ratio: number | null;
  /** Microseconds of analysis per assignment: flat when cost grows linearly. */
  usPerAssignment: number;
  /**
   * How cost grows from the previous size: log(time ratio) / log(assignment ratio). 1 is linear, 2 quadratic;
   * null for the first size.
   */
  growthExponent: number | null;
  baselineGrowthExponent: number | null;
  /** The same analysis with every rule on at its default parameters (absent from runs before rules existed). */
  allRules?: { flags: number; medianMs: number; p90Ms: number; growthExponent: number | null };
};

/** Every rule on, at the severity it takes when turned on and its default parameters. */
const EVERY_RULE_ON = resolveRules(RULE_IDS.map((id) => ({ id, severity: "on" })));

/** Timings of `run`: at least `runs` of them, and at least a second's worth, after a warm-up. */
function time(run: () => unknown, runs: number): number[] {
  const warmUpUntil = performance.now() + WARM_UP.ms;
  for (let count = 0; count < WARM_UP.runs || performance.now() < warmUpUntil; count++) run();
  const timings: number[] = [];
  const measureUntil = performance.now() + MIN_MEASURED_MS;
  while (timings.length < MAX_RUNS && (timings.length < runs || performance.now() < measureUntil)) {
    const started = performance.now();
    run();
    timings.push(performance.now() - started);
  }
  return timings;
}

/** The least a gap/overlap analysis must do: group every assignment by its team and duty, counting owners. */
function baseline(map: TRemitMap): number {
  const owners = new Map<string, number>();
  for (const { teamId, dutyId, level } of map.assignments) {
    const key = `${teamId} ${dutyId}`;
    owners.set(key, (owners.get(key) ?? 0) + (level === "accountable" ? 1 : 0));
  }
  return owners.size;
}

const p90 = (timings: readonly number[]) =>
  percentile(
    [...timings].sort((a, b) => a - b),
    0.9,
  );

const exponent = (from: number, to: number, sizeFrom: number, sizeTo: number) =>
  round(Math.log(to / from) / Math.log(sizeTo / sizeFrom));

export function benchAnalysis({ sizes, runs }: { sizes: readonly number[]; runs: number }): TAnalysisResult[] {
  const results: TAnalysisResult[] = [];
  let previous: { medianMs: number; baselineMedianMs: number; allRulesMedianMs: number; assignments: number } | null =
    null;
  for (const teams of sizes) {
    const map = generateMap({ teams, seed: BENCH_SEED });
    const analysis = time(() => analyzeMap(map), runs);
    const floor = time(() => baseline(map), runs);
    const allRules = time(() => analyzeMap(map, EVERY_RULE_ON), runs);
    const medianMs = median(analysis);
    const baselineMedianMs = median(floor);
    const allRulesMedianMs = median(allRules);
    results.push({
      teams,
      people: map.people.length,
      slots: map.slots.length,
      assignments: map.assignments.length,
      flags: analyzeMap(map).flags.length,
      runs: analysis.length,
      medianMs: round(medianMs, 3),
      p90Ms: round(p90(analysis), 3),
      baselineMedianMs: round(baselineMedianMs, 4),
      ratio: ratio(medianMs, baselineMedianMs, 1),
      usPerAssignment: round((medianMs * 1000) / map.assignments.length, 3),
      growthExponent: previous
        ? exponent(previous.medianMs, medianMs, previous.assignments, map.assignments.length)
        : null,
      baselineGrowthExponent: previous
        ? exponent(previous.baselineMedianMs, baselineMedianMs, previous.assignments, map.assignments.length)
        : null,
      allRules: {
        flags: analyzeMap(map, EVERY_RULE_ON).flags.length,
        medianMs: round(allRulesMedianMs, 3),
        p90Ms: round(p90(allRules), 3),
        growthExponent: previous
          ? exponent(previous.allRulesMedianMs, allRulesMedianMs, previous.assignments, map.assignments.length)
          : null,
      },
    });
    previous = { medianMs, baselineMedianMs, allRulesMedianMs, assignments: map.assignments.length };
  }
  return results;
}
