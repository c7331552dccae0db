// Import: how its time grows with the map, and the server's memory when the largest map is imported. Every import
// goes into a new, empty organisation (a map imported over itself changes nothing), through PUT /map over HTTP.
import { createEmptyOrganisation, dropOrganisations } from "./lib/empty-organisation";
import { processTreeMemory } from "./lib/memory";
import { importGeneratedMap, type TBenchUser } from "./lib/organisations";
import { signInWithPassword } from "../e2e/fixtures/contract";
import { settleDatabase } from "./lib/settle";
import { ratioRow, type TRatioRow } from "./lib/ratio-rows";
import type { TServer } from "./lib/servers";
import { median } from "./lib/stats";

const GIB_AS_MIB = 1024;

type TImportSize = {
  teams: number;
  documentBytes: number;
  importMs: number[];
  /** The first page of History (GET journal) just after the import: the import is its one action. */
  historyMs?: number[];
};

export type TImportResult = {
  /** Import times by size, in ms: the JSON document, and the same map as the workbook of GET map.xlsx. */
  sizes: TImportSize[];
  workbooks: TImportSize[];
  large: {
    teams: number;
    documentBytes: number | null;
    importMs: number | null;
    peakRssMiB: number;
    error: string | null;
  } | null;
  rows: TRatioRow[];
};

type TImportOptions = {
  baseUrl: string;
  /** Settled before the server's answers are timed idle (the imports leave the app flag events to judge). */
  databaseUrl: string;
  /** A fresh app server on the same database: the large import's memory peak is its own. */
  startServer: () => Promise<TServer>;
  user: TBenchUser;
  /** The smaller and the larger map, in teams. */
  sizes: readonly [number, number];
  runs: number;
  /** The map imported on a fresh server for its memory peak; null to skip. */
  largeTeams: number | null;
  log: (message: string) => void;
};

/**
 * Times imports into empty organisations, then deletes them: the flag events and notifications of a 5,000-team
 * import take the app minutes, which would otherwise fall into the parts that come after.
 */
export async function benchImport(options: TImportOptions): Promise<TImportResult> {
  const created: string[] = [];
  try {
    return await timeImports(options, async (name) => {
      const organisation = await createEmptyOrganisation(options.user, name);
      created.push(organisation.slug);
      return organisation;
    });
  } finally {
    const dropped = await dropOrganisations(created);
    options.log(`import: deleted the ${dropped} organisations it imported into`);
  }
}

async function timeImports(
  { baseUrl, databaseUrl, startServer, user, sizes, runs, largeTeams, log }: TImportOptions,
  emptyOrganisation: (name: string) => Promise<{ slug: string; token: string }>,
): Promise<TImportResult> {
  const formats = ["json", "xlsx"] as const;
  const measured = formats.flatMap((format) =>
    sizes.map((teams) => ({ format, teams, documentBytes: 0, importMs: [] as number[], historyMs: [] as number[] })),
  );
  // The last organisation the larger JSON map went into: its workbook is written while the server is asked for more.
  let largest: { slug: string; token: string } | null = null;
  const historyFailures: string[] = [];
  for (let run = 0; run < runs; run++) {
    // The sizes and formats take turns, so that the machine's mood falls on all alike.
    for (const size of run % 2 === 0 ? measured : [...measured].reverse()) {
      log(`import: ${size.teams} teams as ${size.format}, run ${run + 1} of ${runs}`);
      const { slug, token } = await emptyOrganisation(`import-${size.format}-${size.teams}-${run + 1}`);
      const imported = await importGeneratedMap({ baseUrl, teams: size.teams, slug, token, format: size.format });
      size.importMs.push(imported.importSeconds * 1000);
      size.documentBytes = imported.documentBytes;
      if (size.format === "json") {
        const historyMs = await timeHistory({ baseUrl, token }, slug);
        if (typeof historyMs === "number") size.historyMs.push(historyMs);
        else historyFailures.push(`${size.teams} teams: ${historyMs.error}`);
      }
      if (size.format === "json" && size.teams === sizes[1]) largest = { slug, token };
    }
  }
  const plain = ({ teams, documentBytes, importMs }: TImportSize): TImportSize => ({ teams, documentBytes, importMs });
  const json = measured
    .filter((size) => size.format === "json")
    .map((size) => ({ ...plain(size), historyMs: size.historyMs }));
  const workbooks = measured.filter((size) => size.format === "xlsx").map(plain);
  const [smaller, larger] = json as [TImportSize, TImportSize];
  const [smallerWorkbook, largerWorkbook] = workbooks as [TImportSize, TImportSize];
  const rows = [
    ratioRow({
      name: "Import grows linearly with the map",
      measured: `PUT map, ${larger.teams.toLocaleString("en-US")} teams`,
      baseline: `the same, ${smaller.teams.toLocaleString("en-US")} teams`,
      value: median(larger.importMs),
      baselineValue: median(smaller.importMs),
      unit: "ms",
      goal: larger.teams / smaller.teams,
    }),
    ratioRow({
      name: "A workbook's import grows linearly with the map",
      measured: `PUT map with map.xlsx, ${largerWorkbook.teams.toLocaleString("en-US")} teams`,
      baseline: `the same, ${smallerWorkbook.teams.toLocaleString("en-US")} teams`,
      value: median(largerWorkbook.importMs),
      baselineValue: median(smallerWorkbook.importMs),
      unit: "ms",
      goal: largerWorkbook.teams / smallerWorkbook.teams,
      note: `${(largerWorkbook.documentBytes / 1024 / 1024).toFixed(1)} MiB workbook`,
    }),
    ratioRow({
      name: "History after an import grows at most linearly with the map",
      measured: `GET journal (first page) after importing ${larger.teams.toLocaleString("en-US")} teams`,
      baseline: `the same, ${smaller.teams.toLocaleString("en-US")} teams`,
      value: larger.historyMs?.length ? median(larger.historyMs) : null,
      baselineValue: smaller.historyMs?.length ? median(smaller.historyMs) : null,
      unit: "ms",
      goal: larger.teams / smaller.teams,
      note:
        historyFailures.length > 0
          ? `${historyFailures.length} calls failed: ${historyFailures.join("; ")}`
          : "the import is one action of every row of the map",
    }),
  ];
  if (largest) {
    const waited = await settleDatabase(databaseUrl);
    log(`import: the server's answers while it writes the workbook of ${sizes[1]} teams (settled in ${waited} s)`);
    // A failed sign-in, page load or export makes the row a MISS that says why; the rest of the run goes on.
    const answers = await signInWithPassword(baseUrl, { ...user, address: "127.0.0.1" })
      .then((cookie) => answersDuringExport(baseUrl, largest, cookie))
      .catch((error: unknown) => ({ error: error instanceof Error ? error.message.slice(0, 200) : String(error) }));
    rows.push(
      ratioRow({
        name: "The server answers while it writes a workbook",
        measured: `the longest Members page load while GET map.xlsx of ${sizes[1].toLocaleString("en-US")} teams is written`,
        baseline: "the longest of 20 with nothing else to do",
        value: "error" in answers ? null : answers.duringMs,
        baselineValue: "error" in answers ? null : answers.idleMs,
        unit: "ms",
        goal: ANSWER_DURING_EXPORT_GOAL,
        note:
          "error" in answers
            ? `failed: ${answers.error}`
            : `${answers.count} loads during a ${(answers.exportMs / 1000).toFixed(1)} s export, median ${answers.duringMedianMs.toFixed(1)} ms (idle ${answers.idleMedianMs.toFixed(1)} ms)`,
      }),
    );
  }

  let large: TImportResult["large"] = null;
  if (largeTeams !== null) {
    log(`import: ${largeTeams} teams on a fresh server, for its memory peak`);
    const server = await startServer();
    try {
      const { slug, token } = await emptyOrganisation(`import-${largeTeams}`);
      let error: string | null = null;
      let imported = null;
      try {
        imported = await importGeneratedMap({ baseUrl: server.url, teams: largeTeams, slug, token });
      } catch (failure) {
        const cause = failure instanceof Error && failure.cause instanceof Error ? ` (${failure.cause.message})` : "";
        error = failure instanceof Error ? `${failure.message.slice(0, 200)}${cause}` : String(failure);
        log(
          `import: ${largeTeams} teams failed: ${error}; the server's last words:\n${server.logTail().slice(-2_000)}`,
        );
      }
      const { peakRssMiB } = processTreeMemory(server.pid);
      large = {
        teams: largeTeams,
        documentBytes: imported?.documentBytes ?? null,
        importMs: imported ? imported.importSeconds * 1000 : null,
        peakRssMiB,
        error,
      };
      const size = imported
        ? `${(imported.documentBytes / 1024 / 1024).toFixed(1)} MiB in ${imported.importSeconds} s`
        : null;
      rows.push(
        ratioRow({
          name: `${largeTeams.toLocaleString("en-US")} teams import within 1 GiB`,
          measured: `the server's peak RSS importing ${largeTeams.toLocaleString("en-US")} teams`,
          baseline: "1 GiB",
          value: imported ? peakRssMiB : null,
          baselineValue: GIB_AS_MIB,
          unit: "MiB",
          goal: 1,
          note: error ? `the import failed (peak ${peakRssMiB} MiB): ${error}` : size,
          digits: 1,
        }),
      );
    } finally {
      await server.stop();
    }
  }
  return { sizes: json, workbooks, large, rows };
}

/** A call that takes longer than this failed (the row says so): the rest of the run goes on. */
const HISTORY_TIMEOUT_MS = 60_000;

/** How long the first page of the organisation's History takes to answer, in ms, or why it did not. */
async function timeHistory(
  { baseUrl, token }: { baseUrl: string; token: string },
  slug: string,
): Promise<number | { error: string }> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/orgs/${slug}/journal`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) return { error: `answered ${response.status}` };
    return performance.now() - started;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A workbook is written in a worker thread; written on the server's own thread (as it was until session 19), the
 * Members page took 4.4 s instead of about 40 ms while a 1,000-team map's workbook was written. The goal leaves room
 * for the worker's share of two cores, and for the server's own part of an export (the map's document and sheets).
 */
const ANSWER_DURING_EXPORT_GOAL = 5;
const IDLE_ANSWERS = 20;

/**
 * The longest time to load the organisation's Members page (a page of a few reads, each waiting its turn on the
 * server's thread), idle and while the organisation's workbook is written: what someone waits for at worst. (The
 * median says little: with exceljs on the server's thread most loads slipped between its steps, and one waited
 * seconds.)
 */
async function answersDuringExport(
  baseUrl: string,
  { slug, token }: { slug: string; token: string },
  cookie: string,
): Promise<{
  idleMs: number;
  duringMs: number;
  idleMedianMs: number;
  duringMedianMs: number;
  count: number;
  exportMs: number;
}> {
  const answerTime = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/${slug}/members`, { headers: { Cookie: cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /${slug}/members: ${response.status}`);
    return performance.now() - started;
  };
  const idle: number[] = [];
  for (let index = 0; index < IDLE_ANSWERS; index++) idle.push(await answerTime());
  let isWritten = false;
  const started = performance.now();
  const exported = fetch(`${baseUrl}/api/v1/orgs/${slug}/map.xlsx`, { headers: { Authorization: `Bearer ${token}` } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`GET map.xlsx: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    })
    .finally(() => (isWritten = true));
  const during: number[] = [];
  while (!isWritten) during.push(await answerTime());
  await exported;
  return {
    idleMs: Math.max(...idle),
    duringMs: Math.max(...during),
    idleMedianMs: median(idle),
    duringMedianMs: median(during),
    count: during.length,
    exportMs: performance.now() - started,
  };
}
