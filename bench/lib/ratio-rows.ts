// Targets stated as a ratio: a figure over another measured in the same run, at most a goal. The history, drafts and
// import benchmarks report every row this way, with PASS or MISS, and say why when a figure could not be measured.
import { callApi, type TApi } from "./api";
import { median, ratio, round } from "./stats";
import { formatCell, markdownTable, times } from "./table";

export type TRatioRow = {
  /** The target, as the targets table names it. */
  name: string;
  /** What was measured, and its figure. */
  measured: string;
  value: number | null;
  /** What it is compared with, and its figure. */
  baseline: string;
  baselineValue: number | null;
  unit: string;
  ratio: number | null;
  /** The target: ratio ≤ goal. */
  goal: number;
  /** Why a figure is missing (the call failed), or what else to know. */
  note: string | null;
};

export function ratioRow(
  row: Omit<TRatioRow, "ratio" | "note" | "value" | "baselineValue"> & {
    value: number | null;
    baselineValue: number | null;
    note?: string | null;
    digits?: number;
  },
): TRatioRow {
  const { digits = 2, ...rest } = row;
  return {
    ...rest,
    value: row.value === null ? null : round(row.value, digits),
    baselineValue: row.baselineValue === null ? null : round(row.baselineValue, digits),
    ratio: row.value === null || row.baselineValue === null ? null : ratio(row.value, row.baselineValue, 3),
    note: row.note ?? null,
  };
}

const figure = (value: number | null, unit: string) => (value === null ? "–" : `${formatCell(value)} ${unit}`);

/** The row as a target: PASS when its ratio is at most the goal, MISS otherwise or when it could not be measured. */
export function ratioTarget(row: TRatioRow) {
  const measured =
    row.ratio === null
      ? `not measured${row.note ? `: ${row.note}` : ""}`
      : `${times(row.ratio)} (${figure(row.value, row.unit)} / ${figure(row.baselineValue, row.unit)})`;
  return {
    name: row.name,
    target: `≤ ${times(row.goal)} ${row.baseline}`,
    measured,
    status: row.ratio !== null && row.ratio <= row.goal ? ("PASS" as const) : ("MISS" as const),
  };
}

export function ratioTable(rows: readonly TRatioRow[]): string {
  return markdownTable(
    ["measured", "figure", "compared with", "figure", "ratio", "goal", "note"],
    rows.map((row) => [
      row.measured,
      figure(row.value, row.unit),
      row.baseline,
      figure(row.baselineValue, row.unit),
      times(row.ratio),
      `≤ ${times(row.goal)}`,
      row.note ?? "",
    ]),
  );
}

/** Milliseconds one API call takes, answered with a 2xx (anything else throws). */
export async function timeCall(api: TApi, method: "GET" | "PUT" | "POST", path: string, body?: unknown) {
  const started = performance.now();
  await callApi(api, method, path, body);
  return performance.now() - started;
}

export type TPairedTimes = {
  a: number | null;
  b: number | null;
  samples: { a: number[]; b: number[] };
  error: string | null;
};

/**
 * Times two calls alternately (which goes first alternates too), after `warmups` untimed rounds: the medians of
 * `runs` rounds. Each call is given its round (0-based, warm-ups first), so that a call that changes the map can
 * take another subject each time. A failure stops the comparison and is reported, not thrown.
 */
export async function timePair({
  warmups,
  runs,
  a,
  b,
}: {
  warmups: number;
  runs: number;
  a: (round: number) => Promise<number>;
  b: (round: number) => Promise<number>;
}): Promise<TPairedTimes> {
  const samples = { a: [] as number[], b: [] as number[] };
  try {
    for (let round = 0; round < warmups + runs; round++) {
      let x: number;
      let y: number;
      if (round % 2 === 0) {
        x = await a(round);
        y = await b(round);
      } else {
        y = await b(round);
        x = await a(round);
      }
      if (round < warmups) continue;
      samples.a.push(x);
      samples.b.push(y);
    }
  } catch (error) {
    return { a: null, b: null, samples, error: error instanceof Error ? error.message.slice(0, 300) : String(error) };
  }
  return { a: median(samples.a), b: median(samples.b), samples, error: null };
}
