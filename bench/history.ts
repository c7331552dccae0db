// History: what a year of use does to time travel, health history, undo and restore. Two organisations get a year
// of history each (bench/lib/history-generation.ts), a third of the same size a month of it; then the calls are
// timed over HTTP against the running server, each beside a call that a long journal should not make slower.
import { db } from "@/lib/db";
import { checkpointJournal } from "@/lib/server/kernel/journal-checkpoints";
import type { TApi } from "./lib/api";
import { DAY_MS, generateHistory, type THistoryOrganisation } from "./lib/history-generation";
import type { TBenchUser } from "./lib/organisations";
import { ratioRow, timeCall, timePair, type TPairedTimes, type TRatioRow } from "./lib/ratio-rows";
import type { TServer } from "./lib/servers";
import { settleDatabase } from "./lib/settle";
import { median } from "./lib/stats";

export type THistoryResult = {
  organisations: { slug: string; teams: number; days: number; journalEntries: number }[];
  generationSeconds: number;
  rows: TRatioRow[];
};

const YEAR_MS = 365 * DAY_MS;

export async function benchHistory({
  baseUrl,
  databaseUrl,
  startServer,
  user,
  teams,
  entries,
  runs,
  coldRuns,
  log,
}: {
  baseUrl: string;
  databaseUrl: string;
  /** A fresh app server on the same database, for calls whose first answer after a start is what counts. */
  startServer: () => Promise<TServer>;
  user: TBenchUser;
  teams: number;
  /** Journal entries of each organisation with a year of history. */
  entries: number;
  /** Timed runs per call (after one warm-up). */
  runs: number;
  /** Timed first calls after a start (each on a fresh server). */
  coldRuns: number;
  log: (message: string) => void;
}): Promise<THistoryResult> {
  const actor = { kind: "user", userId: user.id, email: user.email, name: user.name } as const;
  const now = Date.now();
  const samples = runs + 1;
  const generated = performance.now();
  const year = { teams, volume: { entries }, days: 365, samples };
  log(`history: a year of use for two ${teams}-team organisations (${entries.toLocaleString("en-US")} entries each)`);
  const long = await generateHistory({ actor, plan: { ...year, slug: "history-year" }, now, log });
  const other = await generateHistory({ actor, plan: { ...year, slug: "history-other" }, now, log });
  log("history: a month of use for a third");
  const short = await generateHistory({
    actor,
    plan: { teams, volume: { cellsPerDay: long.cellsPerDay }, days: 31, samples, slug: "history-month" },
    now,
    log,
  });
  const generationSeconds = Math.round((performance.now() - generated) / 1000);
  for (const organisation of [long, other, short]) await checkpointJournal(organisation.organizationId);
  // The statistics a running database's autovacuum would have gathered after such a burst (it is off on the
  // development machine's server): without them PostgreSQL plans for the empty tables it saw last.
  await settleDatabase(databaseUrl);
  await db.$disconnect();

  const api = (organisation: THistoryOrganisation, url = baseUrl): TApi => ({
    baseUrl: url,
    token: organisation.token,
  });
  const base = (organisation: THistoryOrganisation) => `/api/v1/orgs/${organisation.slug}`;
  const ago = (ms: number) => encodeURIComponent(new Date(Date.now() - ms).toISOString());
  const overview = (moment: number) => () => timeCall(api(long), "GET", `${base(long)}/overview?at=${ago(moment)}`);
  const team = (moment: number) => () =>
    timeCall(api(long), "GET", `${base(long)}/state?teamId=${long.readTeam}&at=${ago(moment)}`);
  const pair = (a: (round: number) => Promise<number>, b: (round: number) => Promise<number>) =>
    timePair({ warmups: 1, runs, a, b });
  const row = (name: string, measured: string, baseline: string, times: TPairedTimes, goal: number): TRatioRow =>
    ratioRow({ name, measured, baseline, value: times.a, baselineValue: times.b, unit: "ms", goal, note: times.error });
  const rows: TRatioRow[] = [];

  log("history: overview and one team, a year ago and a minute ago");
  const [overviewPast, overviewRecent] = [overview(YEAR_MS), overview(60_000)];
  rows.push(
    row(
      "Overview a year ago vs a minute ago",
      "GET overview?at= a year ago",
      "the same a minute ago",
      await pair(overviewPast, overviewRecent),
      1.5,
    ),
  );
  rows.push(
    row(
      "One team a year ago vs a minute ago",
      "GET state?teamId=&at= a year ago",
      "the same a minute ago",
      await pair(team(YEAR_MS), team(60_000)),
      1.5,
    ),
  );
  rows.push(
    row(
      "One team's past vs the overview's past",
      "GET state?teamId=&at= a year ago",
      "GET overview?at= a year ago",
      await pair(team(YEAR_MS), overviewPast),
      0.5,
    ),
  );

  log(`history: health history, first call after a start (${coldRuns} fresh servers)`);
  rows.push(
    row(
      "Health history independent of the journal's length",
      "GET health-history, a year of journal (first call after a start)",
      "the same, a month of journal",
      await timeCold({ startServer, runs: coldRuns, warm: other, a: long, b: short, api, base }),
      1.5,
    ),
  );

  log("history: undo of a 300-day-old action, and of one on a month-long journal");
  const undo = (organisation: THistoryOrganisation) => (round: number) =>
    timeCall(
      api(organisation),
      "POST",
      `${base(organisation)}/journal/${organisation.undoGroups[round]!.groupId}/undo`,
    );
  rows.push(
    row(
      "Undo independent of the journal's length",
      "POST journal/{group}/undo, 300 days old, a year of journal",
      "18 hours old, a month of journal",
      await pair(undo(long), undo(short)),
      1.5,
    ),
  );

  log("history: restore a team to 200 days ago, and one on a month-long journal to 12 hours ago");
  const restore = (organisation: THistoryOrganisation) => (round: number) =>
    timeCall(api(organisation), "POST", `${base(organisation)}/teams/${organisation.restoreTeams[round]}/restore`, {
      at: organisation.restoreTo,
    });
  rows.push(
    row(
      "Restore independent of the journal's length",
      "POST teams/{team}/restore to 200 days ago, a year of journal",
      "to 12 hours ago, a month of journal",
      await pair(restore(long), restore(short)),
      1.5,
    ),
  );

  return {
    organisations: [
      { slug: long.slug, teams, days: 365, journalEntries: long.journalEntries },
      { slug: other.slug, teams, days: 365, journalEntries: other.journalEntries },
      { slug: short.slug, teams, days: 31, journalEntries: short.journalEntries },
    ],
    generationSeconds,
    rows,
  };
}

/**
 * Health history keeps what it computed in the server's memory: its first call after a start is the one that reads
 * the journal. Each run starts a fresh server, warms the route on another organisation, and times one first call on
 * each of the two, alternating which goes first.
 */
async function timeCold({
  startServer,
  runs,
  warm,
  a,
  b,
  api,
  base,
}: {
  startServer: () => Promise<TServer>;
  runs: number;
  warm: THistoryOrganisation;
  a: THistoryOrganisation;
  b: THistoryOrganisation;
  api: (organisation: THistoryOrganisation, url: string) => TApi;
  base: (organisation: THistoryOrganisation) => string;
}): Promise<TPairedTimes> {
  const samples = { a: [] as number[], b: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const server = await startServer();
    const call = (organisation: THistoryOrganisation) =>
      timeCall(api(organisation, server.url), "GET", `${base(organisation)}/health-history`);
    try {
      await call(warm);
      if (run % 2 === 0) {
        samples.a.push(await call(a));
        samples.b.push(await call(b));
      } else {
        samples.b.push(await call(b));
        samples.a.push(await call(a));
      }
    } catch (error) {
      return { a: null, b: null, samples, error: error instanceof Error ? error.message.slice(0, 300) : String(error) };
    } finally {
      await server.stop();
    }
  }
  return { a: median(samples.a), b: median(samples.b), samples, error: null };
}
