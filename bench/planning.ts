// Part 9: planning at each size, in-process: who could fill a vacant PO slot (rankSlotCandidates: every person judged
// by the analysis of what the change can touch), beside the analysis of the whole map once (the least a judgement of
// every person by the whole map's analysis would cost for one of them); and a suggested plan (clear the errors) solved
// by HiGHS in a worker thread with the default 10 s limit: solve time, proven optimal or the gap, changes, flags cleared.
import { analyzeMap } from "@/lib/domain/analyze-map";
import { generateMap } from "@/lib/domain/generate-map";
import { DEFAULT_RULES } from "@/lib/domain/rules";
import { rankSlotCandidates } from "@/lib/domain/slot-candidates";
import { planMap } from "@/lib/server/drafts/plan-map";
import { DEFAULT_PLAN_SECONDS } from "@/lib/server/drafts/suggest-plan";
import { BENCH_SEED } from "./lib/organisations";
import { median, round } from "./lib/stats";

export type TPlanningResult = {
  teams: number;
  people: number;
  candidates: { runs: number; medianMs: number; ranked: number; analysisMedianMs: number };
  plan: {
    clear: "errors";
    errorsBefore: number;
    cleared: number;
    introduced: number;
    changes: number;
    variables: number;
    isOptimal: boolean;
    /** Who new holders came from: everyone who could make the plan better, or this many per slot. */
    candidatesPerSlot: number | null;
    gap: number | null;
    solveSeconds: number;
    totalSeconds: number;
  } | null;
};

function timed<T>(run: () => T, runs: number): { value: T; medianMs: number } {
  run();
  const timings: number[] = [];
  let value!: T;
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    value = run();
    timings.push(performance.now() - started);
  }
  return { value, medianMs: round(median(timings), 1) };
}

export async function benchPlanning({
  sizes,
  log,
}: {
  sizes: readonly number[];
  log: (message: string) => void;
}): Promise<TPlanningResult[]> {
  const results: TPlanningResult[] = [];
  for (const teams of sizes) {
    const map = generateMap({ teams, seed: BENCH_SEED });
    const analysis = analyzeMap(map, DEFAULT_RULES);
    // A vacant PO slot: the first PO slot, made vacant.
    const po = map.slots.find((slot) => slot.role === "PO")!;
    const vacated = {
      ...map,
      slots: map.slots.map((slot) => (slot.id === po.id ? { ...slot, holderId: null } : slot)),
    };
    const vacatedAnalysis = analyzeMap(vacated, DEFAULT_RULES);
    const candidates = timed(
      () => rankSlotCandidates(vacated, DEFAULT_RULES, po.id, { analysis: vacatedAnalysis, limit: 20 })!,
      5,
    );
    const whole = timed(() => analyzeMap(vacated, DEFAULT_RULES), 5);
    log(`planning: ${teams} teams, candidates for a vacant PO slot in ${candidates.medianMs} ms`);

    const started = performance.now();
    const plan = await planMap(map, DEFAULT_RULES, { clear: "errors" }, DEFAULT_PLAN_SECONDS, analysis.flags);
    const totalSeconds = round((performance.now() - started) / 1000, 2);
    const errorsBefore = analysis.counts.bySeverity.error;
    log(`planning: ${teams} teams, plan ${plan.status} in ${totalSeconds} s`);
    results.push({
      teams,
      people: map.people.length,
      candidates: {
        runs: 5,
        medianMs: candidates.medianMs,
        ranked: candidates.value.total,
        analysisMedianMs: whole.medianMs,
      },
      plan:
        plan.status === "planned"
          ? {
              clear: "errors",
              errorsBefore,
              cleared: plan.judgement.resolved.filter((flag) => flag.severity === "error").length,
              introduced: plan.judgement.introduced.length,
              changes: plan.changes.length,
              variables: plan.variableCount,
              isOptimal: plan.isOptimal,
              candidatesPerSlot: plan.isPoolComplete ? null : plan.candidatesPerSlot,
              gap: plan.solve.gap,
              solveSeconds: round(plan.solve.seconds, 2),
              totalSeconds,
            }
          : null,
    });
  }
  return results;
}
