// `npm run bench`: speed and scale on generated organisations, every figure beside a baseline measured in the same
// run. See docs/benchmarks.md for what each figure means. Progress goes to stderr; the tables to stdout;
// everything to bench/results/latest.json.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "../scripts/lib/build.mjs";
import { createFreshDatabase } from "../scripts/lib/databases.mjs";
import { migrateDeploy } from "../scripts/lib/process.mjs";
import { benchAnalysis } from "./analysis";
import { benchDrafts } from "./drafts";
import { benchHistory } from "./history";
import { benchImport } from "./import";
import { benchLive } from "./live";
import { CellRotation } from "./lib/cell-rotation";
import { describeMachine, describeVersions, loadAverage } from "./lib/machine";
import { processTreeMemory } from "./lib/memory";
import { parseOptions, USAGE, UsageError, type TBenchOptions } from "./lib/options";
import {
  createOwnerAndOrganisations,
  importGeneratedMap,
  loadState,
  type TBenchOrganisation,
} from "./lib/organisations";
import { RESULTS_DIR } from "./lib/paths";
import { findBenchPort, startAppServer, startEchoServer, type TServer } from "./lib/servers";
import { ratio } from "./lib/stats";
import { benchPages } from "./pages";
import { benchPlanning } from "./planning";
import { evaluateTargets, formatReport, type TFootprint, type TResults } from "./report";
import { benchWrites } from "./writes";

/** The app's database pool (DATABASE_POOL_MAX); the direct baseline gets a pool of the same size. */
const POOL_SIZE = 10;
/** Cells the write and live benchmarks cycle through: far more than there are writers, so none race. */
const CELL_POOL_SIZE = 5_000;
/** Every organisation's team page shows its first generated team, "Checkout". */
const TEAM_PAGE_KEY = "checkout";

const started = performance.now();
const log = (message: string) =>
  console.error(`bench [${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
let isInterrupted = false;

/** Stops the servers and drops the database, once, however many times it is asked. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      try {
        await cleanups.pop()!();
      } catch (error) {
        console.error("bench: clean-up failed:", error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    isInterrupted = true;
    log(`${signal}: stopping the servers and dropping the database`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

type TServedResults = Pick<
  TResults,
  "versions" | "organisations" | "writes" | "live" | "pages" | "footprint" | "history" | "drafts" | "imports"
>;

async function runWithServer(options: TBenchOptions, serverUrl: string): Promise<TServedResults> {
  const versions: Record<string, unknown> = await describeVersions(serverUrl);
  const database = await createFreshDatabase({ serverUrl, prefix: "remit_bench" });
  cleanups.push(async () => {
    await database.drop();
    log(`dropped database ${database.name}`);
  });
  log(`created database ${database.name}`);
  const authSecret = randomBytes(32).toString("base64url");
  // For the in-process set-up (lib/db reads these on first use).
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET = authSecret;
  process.env.DATABASE_POOL_MAX = "2";
  const env = { ...process.env, NODE_OPTIONS: "", NEXT_TELEMETRY_DISABLED: "1" };
  await migrateDeploy(env);
  log("migrations applied; building the app if its sources changed");
  if (await buildIfNeeded(env)) log("built the app");

  const echoPort = await findBenchPort();
  const appPort = await findBenchPort([echoPort]);
  const echo = await startEchoServer({ port: echoPort });
  cleanups.push(echo.stop);
  const app: TServer = await startAppServer({
    port: appPort,
    databaseUrl: database.url,
    authSecret,
    poolSize: POOL_SIZE,
  });
  cleanups.push(app.stop);
  log(`app on ${app.url}, echo server on ${echo.url}`);
  await settle();
  const idle = { app: processTreeMemory(app.pid), echo: processTreeMemory(echo.pid) };

  const { user, organisations: created } = await createOwnerAndOrganisations(options.sizes);
  const organisations: TBenchOrganisation[] = [];
  for (const { teams, slug, token } of created) {
    log(`importing ${teams} teams through PUT /api/v1/orgs/${slug}/map`);
    organisations.push(await importGeneratedMap({ baseUrl: app.url, teams, slug, token }));
  }
  const afterImport = processTreeMemory(app.pid);
  const largest = organisations.at(-1)!;
  const states = new Map(
    await Promise.all(organisations.map(async (org) => [org.slug, await loadState(org)] as const)),
  );
  const rotation = new CellRotation(states.get(largest.slug)!.map.assignments, CELL_POOL_SIZE);

  const writes = options.parts.includes("writes")
    ? await benchWrites({
        organisation: largest,
        rotation,
        appPid: app.pid,
        databaseName: database.name,
        databaseUrl: database.url,
        poolSize: POOL_SIZE,
        clientCounts: options.writeClients,
        paced: { clients: 50, perSecond: 1 },
        seconds: options.writeSeconds,
        log,
      })
    : null;
  const live = options.parts.includes("live")
    ? await benchLive({
        organisation: largest,
        rotation,
        echoUrl: echo.url,
        subscriberCounts: options.liveSubscribers,
        writes: options.liveWrites,
        log,
      })
    : null;
  const afterLoad = { app: processTreeMemory(app.pid), echo: processTreeMemory(echo.pid) };

  let pages = null;
  if (options.parts.includes("pages")) {
    // Team pages are addressed by key: an id is sent on to the key's address, which a timed load must not include.
    const teamKeys = new Map(
      organisations.map((org) => [
        org.slug,
        states.get(org.slug)!.map.teams.find((team) => team.key === TEAM_PAGE_KEY)!.key,
      ]),
    );
    const result = await benchPages({ baseUrl: app.url, user, organisations, teamKeys, loads: options.pageLoads, log });
    pages = result.pages;
    versions.chromium = result.browserVersion;
  }
  const afterPages = pages ? processTreeMemory(app.pid) : null;

  // History, import and drafts make organisations of their own, after the footprint's figures are taken.
  const startServer = async () => {
    const port = await findBenchPort([echoPort, appPort]);
    const server = await startAppServer({ port, databaseUrl: database.url, authSecret, poolSize: POOL_SIZE });
    cleanups.push(server.stop);
    return server;
  };
  const history = options.parts.includes("history")
    ? await benchHistory({ baseUrl: app.url, databaseUrl: database.url, startServer, user, ...options.history, log })
    : null;
  const imports = options.parts.includes("import")
    ? await benchImport({ baseUrl: app.url, databaseUrl: database.url, startServer, user, ...options.imports, log })
    : null;
  const drafts = options.parts.includes("drafts")
    ? await benchDrafts({
        baseUrl: app.url,
        databaseUrl: database.url,
        databaseName: database.name,
        appPid: app.pid,
        user,
        ...options.drafts,
        log,
      })
    : null;

  const footprint: TFootprint = {
    app: { idle: idle.app, afterImport, afterLoad: afterLoad.app, afterPages },
    baseline: { idle: idle.echo, afterLoad: afterLoad.echo },
    ratios: {
      idle: ratio(idle.app.rssMiB, idle.echo.rssMiB, 1),
      afterLoad: ratio(afterLoad.app.rssMiB, afterLoad.echo.rssMiB, 1),
    },
  };
  return {
    versions,
    organisations: organisations.map((org) => ({
      teams: org.teams,
      ...org.counts,
      documentBytes: org.documentBytes,
      importSeconds: org.importSeconds,
    })),
    writes,
    live,
    pages,
    footprint,
    history,
    drafts,
    imports,
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const needsServer = options.parts.some((part) => part !== "analysis" && part !== "planning");
  const serverUrl = process.env.DATABASE_URL;
  if (needsServer && !serverUrl) {
    console.error(
      "bench: set DATABASE_URL to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres); the " +
        "benchmark creates a database named remit_bench_* on it and drops it afterwards.\n" +
        "(Without a server, only the analysis runs: npm run bench -- --only analysis.)",
    );
    return 2;
  }
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

  let analysis = null;
  if (options.parts.includes("analysis")) {
    log(`analysis: ${options.sizes.join(", ")} teams, at least ${options.analysisRuns} runs and 1 s each`);
    analysis = benchAnalysis({ sizes: options.sizes, runs: options.analysisRuns });
  }
  const planning = options.parts.includes("planning") ? await benchPlanning({ sizes: options.sizes, log }) : null;
  const served = needsServer
    ? await runWithServer(options, serverUrl!)
    : {
        versions: null,
        organisations: [],
        writes: null,
        live: null,
        pages: null,
        footprint: null,
        history: null,
        drafts: null,
        imports: null,
      };
  await cleanUp();

  const partial = {
    format: "remit.bench/v1" as const,
    startedAt,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    command,
    machine: { ...machine, loadAverageAtEnd: loadAverage() },
    ...served,
    analysis,
    planning,
  };
  const results: TResults = { ...partial, targets: evaluateTargets(partial) };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, "latest.json"), json);
  const written = ["bench/results/latest.json"];
  if (options.isRecord) {
    const name = `${startedAt.slice(0, 10)}-${machine.host.replace(/[^a-zA-Z0-9-]/g, "_")}.json`;
    writeFileSync(path.join(RESULTS_DIR, name), json);
    written.push(`bench/results/${name}`);
  }
  console.log(`\n${formatReport(results)}`);
  log(`wrote ${written.join(" and ")}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    // Once interrupted, the parts fail as their servers go away; the signal handler exits when clean-up is done.
    if (!isInterrupted) console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(isInterrupted ? 130 : 1);
  },
);
