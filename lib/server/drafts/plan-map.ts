import "server-only";
import { analyzeMap, type TRuleFlag } from "@/lib/domain/analyze-map";
import type { TRemitMap } from "@/lib/domain/model";
import {
  buildPlanProgram,
  judgePlan,
  type TPlanChange,
  type TPlanProgress,
  type TPlanJudgement,
  type TPlanOptions,
} from "@/lib/domain/plan-model";
import type { TRules } from "@/lib/domain/rules";
import { solveProgram, type TSolveResult } from "./solve-program";

export type TMapPlan =
  | { status: "nothing_to_clear"; reason: string }
  | { status: "no_plan"; reason: string; solve: TSolveResult }
  | {
      status: "planned";
      changes: TPlanChange[];
      judgement: TPlanJudgement;
      solve: TSolveResult;
      /** The objective as the program counts it: the solver's plus the program's constant. */
      objective: number;
      /** Whether the solver proved the plan optimal among the plans the program allows. */
      isOptimal: boolean;
      /** Whether the program let every person who could make the plan better take a slot (see holderPool). */
      isPoolComplete: boolean;
      /** When not: how many people with the most spare capacity each slot could go to. */
      candidatesPerSlot: number | null;
      variableCount: number;
    };

/** A plan for a map: the program (see buildPlanProgram), solved within the time limit, judged by the real analysis. */
export async function planMap(
  map: TRemitMap,
  rules: TRules,
  options: TPlanOptions,
  timeLimitSeconds: number,
  before: readonly TRuleFlag[] = analyzeMap(map, rules).flags,
  onProgress?: (progress: TPlanProgress) => void,
): Promise<TMapPlan> {
  const started = Date.now();
  const report = (stage: TPlanProgress["stage"], gap: number | null = null) =>
    onProgress?.({ stage, seconds: (Date.now() - started) / 1000, gap });
  report("building");
  const program = buildPlanProgram(map, rules, options);
  if (!program) {
    return {
      status: "nothing_to_clear",
      reason:
        options.clear === "errors"
          ? "No team the plan may change has an error to clear."
          : "No team the plan may change has an error or a warning to clear.",
    };
  }
  report("solving");
  const solve = await solveProgram(program.lp, timeLimitSeconds, (progress) => report("solving", progress.gap));
  if (solve.objective === null) {
    const reason =
      solve.status === "infeasible"
        ? "No plan fits within the limits given (maxChanges)."
        : solve.status === "time_limit"
          ? `The solver found no plan within ${timeLimitSeconds} s.`
          : `The solver failed: ${solve.message ?? "no reason given"}.`;
    return { status: "no_plan", reason, solve };
  }
  report("judging");
  const changes = program.decode(solve.values);
  const judgement = judgePlan(map, rules, changes, options.clear, before);
  return {
    status: "planned",
    changes,
    judgement,
    solve,
    objective: Math.round((solve.objective + program.constant) * 1e6) / 1e6,
    isOptimal: solve.status === "optimal",
    isPoolComplete: program.isPoolComplete,
    candidatesPerSlot: program.candidatesPerSlot,
    variableCount: program.variableCount,
  };
}
