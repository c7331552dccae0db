import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

export type TSolveResult = {
  /** optimal: proven; time_limit: the best plan found when the time ran out; infeasible: no plan meets the limits. */
  status: "optimal" | "time_limit" | "infeasible" | "failed";
  /** The objective of the plan found, without the program's constant. */
  objective: number | null;
  /** The solver's relative gap between the plan found and the best bound it proved (0 when proven optimal). */
  gap: number | null;
  /** Value by variable name, for the variables that are 1. */
  values: Record<string, number>;
  seconds: number;
  message?: string;
};

/** While HiGHS searches: seconds spent, and its relative gap (null until it has a plan and a bound). */
export type TSolveProgress = { seconds: number; gap: number | null };

// The worker's code, run as a script (eval) so that it needs no file of its own in the server's bundle; it loads
// HiGHS (WebAssembly) from the app's node_modules, solves, and answers once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const loadHighs = require(workerData.highsPath);
const started = Date.now();
loadHighs()
  .then((highs) => {
    const model = highs.createModel({ format: "lp", data: workerData.lp });
    try {
      model.options.set({
        output_flag: false,
        time_limit: workerData.timeLimitSeconds,
        mip_rel_gap: 0,
        mip_abs_gap: 1e-6,
      });
      // Progress, at most twice a second: the time spent, and the gap between the best plan found and the bound.
      let lastProgress = 0;
      model.run({
        [highs.constants.callbackType.mipInterrupt](event) {
          const now = Date.now();
          if (now - lastProgress < 500) return;
          lastProgress = now;
          const gap = event.data.mip_gap;
          parentPort.postMessage({ type: "progress", seconds: (now - started) / 1000,
            gap: typeof gap === "number" && Number.isFinite(gap) ? gap : null });
        },
      });
      const code = model.getModelStatus();
      const codes = highs.constants.modelStatus;
      const status =
        code === codes.optimal ? "optimal" : code === codes.timeLimit || code === codes.interrupted ? "time_limit"
        : code === codes.infeasible ? "infeasible" : "failed";
      const values = {};
      let objective = null;
      let gap = null;
      const hasSolution = status === "optimal" || (status === "time_limit" && model.info.get("primal_solution_status") === 2);
      if (hasSolution) {
        objective = model.getObjectiveValue();
        gap = status === "optimal" ? 0 : Number(model.info.get("mip_gap"));
        const colValue = model.getSolution().colValue;
        for (let i = 0; i < colValue.length; i++) if (colValue[i] > 0.5) values[model.getColName(i)] = 1;
      }
      parentPort.postMessage({ type: "result", status: hasSolution || status !== "time_limit" ? status : "time_limit", objective, gap, values,
        seconds: (Date.now() - started) / 1000 });
    } finally {
      model.dispose();
    }
  })
  .catch((error) => parentPort.postMessage({ type: "result", status: "failed", objective: null, gap: null, values: {},
    seconds: (Date.now() - started) / 1000, message: String(error && error.message || error) }));
`;

/** Where the highs package is, resolved from the app's root (the server's bundle does not carry it). */
function highsPath(): string {
  return createRequire(path.join(process.cwd(), "package.json")).resolve("highs");
}

/**
 * Solves a mixed-integer program (CPLEX LP text) with HiGHS in a worker thread, so that the server keeps answering
 * meanwhile; HiGHS stops at `timeLimitSeconds` with the best plan it has. A worker that has not answered a few seconds
 * after the limit is ended.
 */
export function solveProgram(
  lp: string,
  timeLimitSeconds: number,
  onProgress?: (progress: TSolveProgress) => void,
): Promise<TSolveResult> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { lp, timeLimitSeconds, highsPath: highsPath() },
    });
    const failed = (message: string): TSolveResult => ({
      status: "failed",
      objective: null,
      gap: null,
      values: {},
      seconds: timeLimitSeconds,
      message,
    });
    const guard = setTimeout(
      () => {
        void worker.terminate();
        resolve(failed("The solver did not stop at its time limit."));
      },
      (timeLimitSeconds + 15) * 1000,
    );
    worker.on("message", (message: ({ type: "result" } & TSolveResult) | ({ type: "progress" } & TSolveProgress)) => {
      if (message.type === "progress") {
        onProgress?.({ seconds: message.seconds, gap: message.gap });
        return;
      }
      clearTimeout(guard);
      void worker.terminate();
      const { type: _type, ...result } = message;
      resolve(result);
    });
    worker.once("error", (error) => {
      clearTimeout(guard);
      resolve(failed(error.message));
    });
  });
}
