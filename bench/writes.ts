// Part 2: write latency and throughput. N clients set cells through PUT .../assignments with an API token, as fast
// as the app answers (autocannon, closed loop), taking turns with the framework's floor (the same requests refused
// before any database work); then the same number of workers in this process issue the same SQL
// straight through node-postgres, with a pool the size of the app's. Then, for context, 50 clients that each write
// once a second (paced, below saturation), against the app and against the same baseline.
import autocannon, { type TRequestStep } from "autocannon";
import { assignmentBody, type CellRotation, type TCellWrite } from "./lib/cell-rotation";
import { backendsCpuSecondsBetween, databaseBackendsCpu, ownCpuSeconds, processTreeCpuSeconds } from "./lib/cpu";
import { createDirectWriter, STEPS, type TDirectWriter, type TStep } from "./lib/direct-write";
import type { TBenchOrganisation } from "./lib/organisations";
import { settleDatabase } from "./lib/settle";
import {
  appWriteOnce,
  runPaced,
  tokenHeaders,
  type TCpuMeter,
  type TWriteOnce,
  type TWriteRun,
} from "./lib/paced-writes";
import { median, ratio, round, summarize } from "./lib/stats";

export type { TWriteRun } from "./lib/paced-writes";

/**
 * Before the timed runs, each kind of request runs this long at 10 clients: the server's first thousand or so writes
 * cost it about twice the CPU of later ones (its code is still being compiled), which 2 s left in the first timed run.
 */
export const WARM_UP_SECONDS = 6;

/**
 * At each closed-loop client count the app and the floor take turns this many times, each run half the part's
 * length, the first of the pair alternating, and the machine settled before each: its speed drifts by more than a
 * quarter between runs a minute apart, and a ratio of two runs side by side is steadier than one of two runs apart.
 */
export const FLOOR_ROUNDS = 3;

/** Starts counting CPU time; the returned function stops and divides it by the number of writes. */
export function cpuMeter(appPid: number, databaseName: string): TCpuMeter {
  return () => {
    const read = () => ({
      server: processTreeCpuSeconds(appPid),
      database: databaseBackendsCpu(databaseName),
      client: ownCpuSeconds(),
    });
    const before = read();
    return (writes) => {
      const after = read();
      const perWrite = (from: number, to: number) => round(((to - from) * 1000) / Math.max(1, writes), 2);
      return {
        server: perWrite(before.server, after.server),
        database: perWrite(0, backendsCpuSecondsBetween(before.database, after.database)),
        client: perWrite(before.client, after.client),
      };
    };
  };
}

/** Where a write's time goes in the database: each statement's round trip, in the paced baseline (no queueing). */
export type TStatementTimes = Record<TStep, { p50: number; p95: number }>;

export type TWriteResult = {
  clients: number;
  /** Writes a second per client when paced; null in the closed loop (each client writes again once answered). */
  pacedPerClient: number | null;
  app: TWriteRun;
  baseline: TWriteRun;
  /**
   * Closed loop only: the framework's floor (see runFrameworkFloor), at the same number of clients. The app and the
   * floor take turns in FLOOR_ROUNDS rounds; `app` and `framework` pool their rounds.
   */
  framework?: TWriteRun;
  /**
   * Closed loop only: the app over the floor, the server's CPU per request and the p99, in each round, and the
   * median of the rounds (what the targets compare): a slow spell of the machine weighs on both runs of a round.
   */
  overFloor?: { cpu: number; p99: number; rounds: { cpu: number; p99: number }[] };
  /** App over baseline: below 1 is slower for throughput, above 1 slower for latency. */
  ratios: { throughput: number | null; p50: number | null; p95: number | null; p99: number | null };
  /** Paced run only. */
  statements?: TStatementTimes;
};

/** One closed-loop run against the app, with the organisation's API token. */
type TLoad = { organisation: TBenchOrganisation; clients: number; seconds: number; meter: TCpuMeter };

/** `clients` autocannon connections sending `request` for `seconds`, each again as soon as it is answered. */
async function runClosedLoop({
  organisation,
  request,
  clients,
  seconds,
  meter,
  headers = tokenHeaders(organisation),
}: TLoad & { request: TRequestStep; headers?: Record<string, string> }): Promise<TClosedLoopRun> {
  const latencies: number[] = [];
  const stopMeter = meter();
  const instance = autocannon({
    url: organisation.api.baseUrl,
    connections: clients,
    duration: seconds,
    timeout: 30,
    headers,
    requests: [request],
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    ...summarize(latencies),
    requestsPerSecond: round(latencies.length / result.duration, 1),
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes,
    cpuMsPerWrite: stopMeter(latencies.length),
    latencies,
    seconds: result.duration,
  };
}

/** A closed-loop run with its latencies and length, so that several can be pooled (see pooled). */
type TClosedLoopRun = TWriteRun & { latencies: number[]; seconds: number };

/** Runs of the same load as one: every latency, every request, the CPU per request weighted by their counts. */
function pooled(runs: readonly TClosedLoopRun[]): TWriteRun {
  const count = runs.reduce((sum, run) => sum + run.latencies.length, 0);
  const weighted = (figure: keyof TWriteRun["cpuMsPerWrite"]) =>
    round(runs.reduce((sum, run) => sum + run.cpuMsPerWrite[figure] * run.latencies.length, 0) / Math.max(1, count));
  const statusCodes: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, times] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + times;
  }
  return {
    ...summarize(runs.flatMap((run) => run.latencies)),
    requestsPerSecond: round(count / runs.reduce((sum, run) => sum + run.seconds, 0), 1),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    statusCodes,
    cpuMsPerWrite: { server: weighted("server"), database: weighted("database"), client: weighted("client") },
  };
}

async function runApp({ rotation, ...load }: TLoad & { rotation: CellRotation }): Promise<TClosedLoopRun> {
  const { organisation } = load;
  const run = await runClosedLoop({
    ...load,
    request: {
      method: "PUT",
      setupRequest: (request, context) => {
        const write = rotation.next();
        context.index = write.index;
        return {
          ...request,
          path: `/api/v1/orgs/${organisation.slug}/teams/${write.teamId}/assignments`,
          body: assignmentBody(write),
        };
      },
      onResponse: (status, body, context) => {
        if (status !== 200 && status !== 409) return;
        const answer = JSON.parse(body) as { assignment?: { level: TCellWrite["level"] | null; version: number } };
        rotation.settle(context.index as number, answer.assignment);
      },
    },
  });
  // Writes cut off when the time was up may have landed: their cells' versions are unknown now.
  rotation.retireInFlight();
  return run;
}

/**
 * The framework's floor: the same route with an Authorization header that the app refuses (401) before any database
 * work, so the server does what Next.js does for every request and almost nothing of Remit's. Its status codes are
 * all 401 by design; `failures` counts anything else.
 */
async function runFrameworkFloor(load: TLoad): Promise<TClosedLoopRun> {
  const run = await runClosedLoop({
    ...load,
    headers: { ...tokenHeaders(load.organisation), Authorization: "Bearer" },
    request: { method: "PUT", path: `/api/v1/orgs/${load.organisation.slug}/teams/none/assignments`, body: "{}" },
  });
  const answered401 = run.statusCodes["401"] ?? 0;
  return { ...run, failures: run.count - answered401 };
}

async function runBaseline({
  databaseUrl,
  poolSize,
  organisation,
  rotation,
  clients,
  seconds,
  meter,
}: {
  databaseUrl: string;
  poolSize: number;
  organisation: TBenchOrganisation;
  rotation: CellRotation;
  clients: number;
  seconds: number;
  meter: TCpuMeter;
}): Promise<TWriteRun> {
  const writer = createDirectWriter({
    databaseUrl,
    poolSize,
    orgSlug: organisation.slug,
    token: organisation.api.token,
  });
  const latencies: number[] = [];
  let failures = 0;
  const stopMeter = meter();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const write = rotation.next();
      const begun = performance.now();
      try {
        const result = await writer.write(write);
        latencies.push(performance.now() - begun);
        if (!result.isWritten) failures++;
        rotation.settle(write.index, result.cell);
      } catch (error) {
        failures++;
        console.error("bench: a direct write failed:", error instanceof Error ? error.message : error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpuMsPerWrite = stopMeter(latencies.length);
  await writer.close();
  return {
    ...summarize(latencies),
    requestsPerSecond: round(latencies.length / elapsedSeconds, 1),
    failures,
    statusCodes: {},
    cpuMsPerWrite,
  };
}

const directWriteOnce =
  (writer: TDirectWriter): TWriteOnce =>
  (write) =>
    writer.write(write);

export async function benchWrites({
  organisation,
  rotation,
  appPid,
  databaseName,
  databaseUrl,
  poolSize,
  clientCounts,
  paced,
  seconds,
  log,
}: {
  organisation: TBenchOrganisation;
  rotation: CellRotation;
  appPid: number;
  databaseName: string;
  databaseUrl: string;
  poolSize: number;
  clientCounts: readonly number[];
  /** The paced run: this many clients, each writing this often. */
  paced: { clients: number; perSecond: number };
  seconds: number;
  log: (message: string) => void;
}): Promise<TWriteResult[]> {
  const meter = cpuMeter(appPid, databaseName);
  // The imports' flag events, their notifications and the journal checkpoint a minute after them are the imports'
  // work, not the writes': they are done before the first run, not counted in whichever run they would fall into.
  log(`writes: waiting for the imports' background work`);
  const waited = await settleDatabase(databaseUrl, { checkpointsOf: [organisation.slug] });
  log(`writes: the app's background work was done after ${waited} s`);
  log(`writes: warming up (${WARM_UP_SECONDS} s each: app, baseline, floor)`);
  await runApp({ organisation, rotation, clients: 10, seconds: WARM_UP_SECONDS, meter });
  await runBaseline({ databaseUrl, poolSize, organisation, rotation, clients: 10, seconds: WARM_UP_SECONDS, meter });
  await runFrameworkFloor({ organisation, clients: 10, seconds: WARM_UP_SECONDS, meter });
  const results: TWriteResult[] = [];
  const roundSeconds = Math.max(2, Math.round(seconds / 2));
  for (const clients of clientCounts) {
    log(
      `writes: ${clients} clients, ${FLOOR_ROUNDS} rounds of ${roundSeconds} s through the app and ${roundSeconds} s of requests refused before any database work, then ${seconds} s straight to PostgreSQL`,
    );
    const appRuns: TClosedLoopRun[] = [];
    const floorRuns: TClosedLoopRun[] = [];
    for (let round = 0; round < FLOOR_ROUNDS; round++) {
      const runAppRound = async () => {
        await settleDatabase(databaseUrl);
        appRuns.push(await runApp({ organisation, rotation, clients, seconds: roundSeconds, meter }));
      };
      const runFloorRound = async () => {
        // The app's background work for the writes before (their flag events) is theirs, not the floor's.
        await settleDatabase(databaseUrl);
        floorRuns.push(await runFrameworkFloor({ organisation, clients, seconds: roundSeconds, meter }));
      };
      if (round % 2 === 0) {
        await runAppRound();
        await runFloorRound();
      } else {
        await runFloorRound();
        await runAppRound();
      }
    }
    await settleDatabase(databaseUrl);
    const baseline = await runBaseline({ databaseUrl, poolSize, organisation, rotation, clients, seconds, meter });
    const app = pooled(appRuns);
    const rounds = appRuns.map((appRun, index) => {
      const floorRun = floorRuns[index]!;
      return {
        cpu: ratio(appRun.cpuMsPerWrite.server, floorRun.cpuMsPerWrite.server) ?? Infinity,
        p99: ratio(appRun.p99, floorRun.p99) ?? Infinity,
      };
    });
    results.push({
      clients,
      pacedPerClient: null,
      app,
      baseline,
      framework: pooled(floorRuns),
      overFloor: {
        cpu: median(rounds.map((entry) => entry.cpu)),
        p99: median(rounds.map((entry) => entry.p99)),
        rounds,
      },
      ratios: {
        throughput: ratio(app.requestsPerSecond, baseline.requestsPerSecond),
        p50: ratio(app.p50, baseline.p50),
        p95: ratio(app.p95, baseline.p95),
        p99: ratio(app.p99, baseline.p99),
      },
    });
  }

  log(
    `writes: ${paced.clients} clients writing ${paced.perSecond}× a second, ${seconds} s through the app, then direct`,
  );
  await settleDatabase(databaseUrl);
  const appClient = appWriteOnce(organisation, paced.clients);
  const app = await runPaced({ rotation, ...paced, seconds, meter, writeOnce: appClient.writeOnce });
  appClient.close();
  const writer = createDirectWriter({
    databaseUrl,
    poolSize,
    orgSlug: organisation.slug,
    token: organisation.api.token,
  });
  await settleDatabase(databaseUrl);
  const baseline = await runPaced({ rotation, ...paced, seconds, meter, writeOnce: directWriteOnce(writer) });
  const stepTimes = writer.stepTimes();
  await writer.close();
  const statements = Object.fromEntries(
    STEPS.map((step) => {
      const { p50, p95 } = summarize(stepTimes.get(step) ?? []);
      return [step, { p50, p95 }];
    }),
  ) as TStatementTimes;
  results.push({
    clients: paced.clients,
    pacedPerClient: paced.perSecond,
    app,
    baseline,
    ratios: {
      throughput: ratio(app.requestsPerSecond, baseline.requestsPerSecond),
      p50: ratio(app.p50, baseline.p50),
      p95: ratio(app.p95, baseline.p95),
      p99: ratio(app.p99, baseline.p99),
    },
    statements,
  });
  return results;
}
