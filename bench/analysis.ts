// `npm run bench`: how long the gap/overlap analysis takes for generated organisations of 10, 100 and 1,000 teams,
// in-process, median of repeated runs. Not part of `npm test`: figures depend on the machine, so each size is also
// reported as a ratio to a baseline measured in the same run (one linear pass over the same assignments).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeMap } from "@/lib/domain/analyze-map";
import { generateMap } from "@/lib/domain/generate-map";
import type { TRemitMap } from "@/lib/domain/model";

const SIZES = [10, 100, 1000];
const RUNS = 31;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown): number[] {
  for (let warmup = 0; warmup < 5; warmup++) run();
  return Array.from({ length: RUNS }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

/** The least any analysis must do: look at every assignment once. */
function baseline(map: TRemitMap): number {
  let accountable = 0;
  for (const assignment of map.assignments) if (assignment.level === "accountable") accountable++;
  return accountable;
}

const rows = SIZES.map((teams) => {
  const map = generateMap({ teams, seed: 7 });
  const analysis = time(() => analyzeMap(map));
  const floor = time(() => baseline(map));
  return {
    teams,
    people: map.people.length,
    slots: map.slots.length,
    assignments: map.assignments.length,
    flags: analyzeMap(map).flags.length,
    analysisMedianMs: Number(median(analysis).toFixed(3)),
    analysisP90Ms: Number([...analysis].sort((a, b) => a - b)[Math.floor(RUNS * 0.9)]!.toFixed(3)),
    baselineMedianMs: Number(median(floor).toFixed(3)),
  };
});

console.log("\nAnalysis of a whole organisation (in-process, median of %d runs)\n", RUNS);
console.table(
  rows.map((row) => ({
    teams: row.teams,
    people: row.people,
    assignments: row.assignments,
    flags: row.flags,
    "median ms": row.analysisMedianMs,
    "p90 ms": row.analysisP90Ms,
    "baseline ms": row.baselineMedianMs,
    "× baseline": Number((row.analysisMedianMs / Math.max(row.baselineMedianMs, 0.001)).toFixed(1)),
  })),
);
const largest = rows.at(-1)!;
console.log(`1,000 teams: ${largest.analysisMedianMs} ms (target: well under 50 ms)\n`);

const resultsDir = path.join(process.cwd(), "bench", "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, "latest.json"),
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      analysis: rows,
    },
    null,
    2,
  )}\n`,
);
