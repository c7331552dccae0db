/** The command line of `npm run bench`. */

export const PARTS = ["analysis", "planning", "writes", "live", "pages", "history", "drafts", "import"] as const;
export type TPart = (typeof PARTS)[number];

export type TBenchOptions = {
  sizes: number[];
  parts: TPart[];
  isQuick: boolean;
  /** Also keep the results as bench/results/<date>-<host>.json, to be committed. */
  isRecord: boolean;
  /** Seconds of load per write concurrency level, for the app and again for the baseline. */
  writeSeconds: number;
  writeClients: number[];
  liveSubscribers: number[];
  /** Writes whose propagation is timed, per subscriber count. */
  liveWrites: number;
  /** Timed loads per page and size (after one untimed warm-up). */
  pageLoads: number;
  analysisRuns: number;
  /** History: the size of its organisations, their journals, and the timed runs per call. */
  history: { teams: number; entries: number; runs: number; coldRuns: number };
  /** Drafts: the smaller and the larger map, the drafts left open, the drafts published per size. */
  drafts: { sizes: [number, number]; openDrafts: number; publishRuns: number; writeSeconds: number };
  /** Import: the smaller and the larger map, runs of each, and the map imported for its memory peak. */
  imports: { sizes: [number, number]; runs: number; largeTeams: number | null };
};

export const USAGE = `Usage: npm run bench -- [options]

  --sizes 10,100,1000   organisation sizes in teams (default: 10,100,1000)
  --only writes,live    run only these parts: ${PARTS.join(", ")} (footprint is measured whenever the server runs)
  --quick               a fast run: sizes 10,100, shorter load phases, fewer page loads; history, drafts and
                        import at a tenth of their sizes (--sizes does not change theirs)
  --record              also write bench/results/<date>-<host>.json (the file to commit)
  --help                this text

Needs DATABASE_URL pointing at a PostgreSQL server on which it may create and drop databases named remit_bench_*.`;

export class UsageError extends Error {}

function parseList(value: string | undefined, flag: string): string[] {
  if (!value || value.startsWith("--")) throw new UsageError(`${flag} needs a comma-separated list.`);
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseOptions(argv: readonly string[]): TBenchOptions | "help" {
  let sizes: number[] | null = null;
  let parts: TPart[] = [...PARTS];
  let isQuick = false;
  let isRecord = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--quick") isQuick = true;
    else if (arg === "--record") isRecord = true;
    else if (arg === "--sizes") {
      sizes = parseList(argv[++index], "--sizes").map((item) => {
        const size = Number(item);
        if (!Number.isInteger(size) || size < 1 || size > 5000) {
          throw new UsageError(`--sizes takes whole numbers of teams from 1 to 5000; "${item}" is not one.`);
        }
        return size;
      });
    } else if (arg === "--only") {
      parts = parseList(argv[++index], "--only").map((item) => {
        if (!(PARTS as readonly string[]).includes(item)) {
          throw new UsageError(`--only takes ${PARTS.join(", ")}; "${item}" is not one.`);
        }
        return item as TPart;
      });
    } else throw new UsageError(`Unknown option "${arg}".`);
  }
  return {
    sizes: [...new Set(sizes ?? (isQuick ? [10, 100] : [10, 100, 1000]))].sort((a, b) => a - b),
    parts,
    isQuick,
    isRecord,
    writeSeconds: isQuick ? 3 : 10,
    writeClients: [10, 50, 100],
    liveSubscribers: [1, 10, 50],
    liveWrites: isQuick ? 20 : 60,
    pageLoads: isQuick ? 3 : 9,
    analysisRuns: isQuick ? 11 : 31,
    history: isQuick
      ? { teams: 100, entries: 20_000, runs: 2, coldRuns: 1 }
      : { teams: 1000, entries: 200_000, runs: 5, coldRuns: 3 },
    drafts: isQuick
      ? { sizes: [10, 100], openDrafts: 10, publishRuns: 1, writeSeconds: 3 }
      : { sizes: [100, 1000], openDrafts: 10, publishRuns: 3, writeSeconds: 10 },
    imports: isQuick
      ? { sizes: [10, 100], runs: 1, largeTeams: null }
      : { sizes: [100, 1000], runs: 3, largeTeams: 5000 },
  };
}
