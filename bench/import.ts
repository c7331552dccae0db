// Import: how its time grows with the map, and the server's memory when the largest map is imported. Every import
// goes into a new, empty organisation (a map imported over itself changes nothing), through PUT /map over HTTP.
import { callApi } from "./lib/api";
import { createEmptyOrganisation, dropOrganisations } from "./lib/empty-organisation";
import { processTreeMemory } from "./lib/memory";
import { importGeneratedMap, type TBenchUser } from "./lib/organisations";
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
  { baseUrl, startServer, sizes, runs, largeTeams, log }: TImportOptions,
  emptyOrganisation: (name: string) => Promise<{ slug: string; token: string }>,
): Promise<TImportResult> {
  const formats = ["json", "xlsx"] as const;
  const measured = formats.flatMap((format) =>
    sizes.map((teams) => ({ format, teams, documentBytes: 0, importMs: [] as number[], historyMs: [] as number[] })),
  );
  for (let run = 0; run < runs; run++) {
    // The sizes and formats take turns, so that the machine's mood falls on all alike.
    for (const size of run % 2 === 0 ? measured : [...measured].reverse()) {
      log(`import: ${size.teams} teams as ${size.format}, run ${run + 1} of ${runs}`);
      const { slug, token } = await emptyOrganisation(`import-${size.format}-${size.teams}-${run + 1}`);
      const imported = await importGeneratedMap({ baseUrl, teams: size.teams, slug, token, format: size.format });
      size.importMs.push(imported.importSeconds * 1000);
      size.documentBytes = imported.documentBytes;
      if (size.format === "json") size.historyMs.push(await timeHistory({ baseUrl, token }, slug));
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
      value: median(larger.historyMs ?? []),
      baselineValue: median(smaller.historyMs ?? []),
      unit: "ms",
      goal: larger.teams / smaller.teams,
      note: "the import is one action of every row of the map",
    }),
  ];

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

/** How long the first page of the organisation's History takes to answer, in ms. */
async function timeHistory(api: { baseUrl: string; token: string }, slug: string): Promise<number> {
  const started = performance.now();
  await callApi(api, "GET", `/api/v1/orgs/${slug}/journal`);
  return performance.now() - started;
}
