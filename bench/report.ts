// The results: one JSON document, readable tables, and the issue's targets with PASS or MISS.
import type { TAnalysisResult } from "./analysis";
import type { TPlanningResult } from "./planning";
import type { TDraftsResult } from "./drafts";
import type { THistoryResult } from "./history";
import type { TImportResult } from "./import";
import type { TLiveResult } from "./live";
import type { TMemory } from "./lib/memory";
import { ratioTable, ratioTarget } from "./lib/ratio-rows";
import { ratio, round } from "./lib/stats";
import { kib, markdownTable, times } from "./lib/table";
import type { TPageName, TPageResult } from "./pages";
import type { TWriteResult } from "./writes";

export type TOrganisationRow = {
  teams: number;
  people: number;
  slots: number;
  duties: number;
  assignments: number;
  documentBytes: number;
  importSeconds: number;
};

export type TFootprint = {
  app: { idle: TMemory; afterImport: TMemory; afterLoad: TMemory; afterPages: TMemory | null };
  baseline: { idle: TMemory; afterLoad: TMemory };
  ratios: { idle: number | null; afterLoad: number | null };
};

export type TTarget = {
  name: string;
  target: string;
  measured: string;
  status: "PASS" | "MISS" | "NOT RUN";
};

export type TResults = {
  format: "remit.bench/v1";
  startedAt: string;
  durationSeconds: number;
  command: string;
  machine: Record<string, unknown>;
  versions: Record<string, unknown> | null;
  organisations: TOrganisationRow[];
  analysis: TAnalysisResult[] | null;
  /** Absent from runs before planning existed. */
  planning?: TPlanningResult[] | null;
  writes: TWriteResult[] | null;
  live: TLiveResult[] | null;
  pages: TPageResult[] | null;
  footprint: TFootprint | null;
  history: THistoryResult | null;
  drafts: TDraftsResult | null;
  imports: TImportResult | null;
  targets: TTarget[];
};

const ms = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : `${value.toLocaleString("en-US")} ms`;

/** An interaction's duration; Event Timing reports none under 16 ms. */
const inp = (value: number) => (value === 0 ? "< 16 ms" : ms(value));

function check(name: string, target: string, measured: string | null, isPass: boolean | null): TTarget {
  return {
    name,
    target,
    measured: measured ?? "–",
    status: isPass === null ? "NOT RUN" : isPass ? "PASS" : "MISS",
  };
}

export function evaluateTargets(results: Omit<TResults, "targets">): TTarget[] {
  const analysis1000 = results.analysis?.find((row) => row.teams === 1000);
  const largest = results.analysis?.at(-1);
  const growth = largest?.growthExponent ?? null;
  const baselineGrowth = largest?.baselineGrowthExponent ?? null;
  const allRules1000 = analysis1000?.allRules;
  const allRulesGrowth = largest?.allRules?.growthExponent ?? null;
  const closedLoop = results.writes?.filter((row) => row.pacedPerClient === null);
  const writes50 = closedLoop?.find((row) => row.clients === 50);
  const paced50 = results.writes?.find((row) => row.clients === 50 && row.pacedPerClient !== null);
  // The app's server CPU per write over the floor's per refused request, at each closed-loop client count: the median
  // of the rounds in which they took turns.
  const cpuRatios = (closedLoop ?? []).flatMap((row) => (row.overFloor ? [row.overFloor.cpu] : []));
  const worstCpu = cpuRatios.length ? Math.max(...cpuRatios) : null;
  const p99OverFloor = writes50?.overFloor?.p99 ?? null;
  const live50 = results.live?.find((row) => row.subscribers === 50);
  const page = (name: Exclude<TPageName, "baseline">) =>
    results.pages?.find((row) => row.teams === 1000 && row.page === name);
  const team = page("team");
  const overview = page("overview");
  const interactiveWithin = (row: typeof team, name: string) =>
    check(
      `${name} interactive at 1,000 teams`,
      "≤ 1.15× the Members page",
      row ? `${ms(row.figures.interactive)} (${times(row.ratios?.interactive)})` : null,
      row ? (row.ratios?.interactive ?? Infinity) <= 1.15 : null,
    );
  const inpUnder = (row: typeof team, name: string) =>
    check(
      name,
      "< 100 ms (median over visits of each visit's longest)",
      row?.interaction ? `${inp(row.interaction.inp)} (longest ${inp(row.interaction.worst)})` : null,
      row?.interaction ? row.interaction.inp < 100 : null,
    );
  return [
    check(
      "Analysis of 1,000 teams",
      "< 50 ms",
      analysis1000 ? ms(analysis1000.medianMs) : null,
      analysis1000 ? analysis1000.medianMs < 50 : null,
    ),
    check(
      "Analysis cost grows linearly",
      "growth exponent (two largest sizes) ≤ the linear baseline's + 0.2",
      growth === null || baselineGrowth === null ? null : `n^${growth} (baseline n^${baselineGrowth})`,
      growth === null || baselineGrowth === null ? null : growth <= baselineGrowth + 0.2,
    ),
    check(
      "Analysis of 1,000 teams, every rule on",
      "< 50 ms",
      allRules1000 ? ms(allRules1000.medianMs) : null,
      allRules1000 ? allRules1000.medianMs < 50 : null,
    ),
    check(
      "Analysis cost with every rule on grows linearly",
      "growth exponent (two largest sizes) ≤ the linear baseline's + 0.2",
      allRulesGrowth === null || baselineGrowth === null ? null : `n^${allRulesGrowth} (baseline n^${baselineGrowth})`,
      allRulesGrowth === null || baselineGrowth === null ? null : allRulesGrowth <= baselineGrowth + 0.2,
    ),
    check(
      "Write CPU per request over the framework floor's",
      "≤ 1.5× at every closed-loop client count (app server; median of the rounds)",
      worstCpu === null ? null : `${times(worstCpu)} (worst)`,
      worstCpu === null ? null : worstCpu <= 1.5,
    ),
    check(
      "Write p99 at 50 clients (closed loop) over the floor's",
      "≤ 2× (median of the rounds)",
      writes50?.framework
        ? `${times(p99OverFloor)} (all rounds: ${ms(writes50.app.p99)} against ${ms(writes50.framework.p99)})`
        : null,
      p99OverFloor === null ? null : p99OverFloor <= 2,
    ),
    check(
      "Write p99 at 50 clients writing once a second",
      "< 50 ms",
      paced50 ? ms(paced50.app.p99) : null,
      paced50 ? paced50.app.p99 < 50 : null,
    ),
    check(
      "Live propagation p95 at 50 subscribers",
      "< 50 ms",
      live50 ? ms(live50.app.fromAnswer.p95) : null,
      live50 ? live50.app.fromAnswer.p95 < 50 : null,
    ),
    interactiveWithin(team, "Team page"),
    interactiveWithin(overview, "Overview"),
    interactiveWithin(page("structure"), "Structure view"),
    interactiveWithin(page("people"), "People directory"),
    interactiveWithin(page("history"), "History"),
    inpUnder(team, "INP of a cell edit on the team page, 1,000 teams"),
    inpUnder(overview, "INP of typing in the overview's filter, 1,000 teams"),
    ...[results.history, results.drafts, results.imports].flatMap((part) => part?.rows.map(ratioTarget) ?? []),
  ];
}

/** Every table, as Markdown. */
export function formatReport(results: TResults): string {
  const sections: string[] = [];
  const machine = results.machine;
  const versions = results.versions;
  sections.push(
    [
      `Remit benchmarks, ${results.startedAt} (${Math.round(results.durationSeconds)} s): ${String(machine.cpus)} × ${String(machine.cpuModel)}, ${String(machine.memoryGiB)} GiB, load average ${JSON.stringify(machine.loadAverageAtStart)} at start, ${JSON.stringify(machine.loadAverageAtEnd)} at the end`,
      versions
        ? `Node ${String(versions.node)}, Next.js ${String(versions.next)}, Prisma ${String(versions.prisma)}, PostgreSQL ${String(versions.postgres)}, Chromium ${String(versions.chromium ?? "–")}, commit ${String(versions.commit)}${versions.hasUncommittedChanges ? " (with uncommitted changes)" : ""}`
        : `Node ${process.version}`,
    ].join("\n"),
  );

  if (results.organisations.length > 0) {
    sections.push(
      `### Generated organisations (imported through PUT /map)\n\n${markdownTable(
        ["teams", "people", "slots", "duties", "assignments", "document", "import"],
        results.organisations.map((row) => [
          row.teams,
          row.people,
          row.slots,
          row.duties,
          row.assignments,
          kib(row.documentBytes),
          `${row.importSeconds} s`,
        ]),
      )}`,
    );
  }

  if (results.analysis) {
    sections.push(
      `### 1. Analysis (in-process, median of repeated runs; baseline: grouping the assignments by team and duty)\n\n${markdownTable(
        [
          "teams",
          "assignments",
          "flags",
          "runs",
          "median",
          "p90",
          "µs / assignment",
          "growth",
          "baseline",
          "baseline growth",
          "× baseline",
          "every rule on: flags",
          "every rule on: median",
          "every rule on: growth",
        ],
        results.analysis.map((row) => [
          row.teams,
          row.assignments,
          row.flags,
          row.runs,
          ms(row.medianMs),
          ms(row.p90Ms),
          row.usPerAssignment,
          row.growthExponent === null ? "–" : `n^${row.growthExponent}`,
          ms(row.baselineMedianMs),
          row.baselineGrowthExponent === null ? "–" : `n^${row.baselineGrowthExponent}`,
          times(row.ratio),
          row.allRules?.flags ?? "–",
          ms(row.allRules?.medianMs),
          row.allRules?.growthExponent === null || row.allRules?.growthExponent === undefined
            ? "–"
            : `n^${row.allRules.growthExponent}`,
        ]),
      )}`,
    );
  }

  if (results.planning) {
    sections.push(
      `### 9. Planning (in-process; candidates: every person ranked for a vacant PO slot, beside one analysis of the whole map; plan: clear the errors, HiGHS in a worker thread, 10 s limit)\n\n${markdownTable(
        [
          "teams",
          "people ranked",
          "candidates: median",
          "one whole analysis",
          "errors before",
          "errors cleared",
          "flags raised",
          "changes",
          "variables",
          "solve",
          "optimal / gap",
          "new holders from",
        ],
        results.planning.map((row) => [
          row.teams,
          row.candidates.ranked,
          ms(row.candidates.medianMs),
          ms(row.candidates.analysisMedianMs),
          row.plan?.errorsBefore ?? "–",
          row.plan?.cleared ?? "–",
          row.plan?.introduced ?? "–",
          row.plan?.changes ?? "–",
          row.plan?.variables ?? "–",
          row.plan ? `${row.plan.solveSeconds} s` : "no plan",
          row.plan ? (row.plan.isOptimal ? "optimal" : `gap ${round(100 * (row.plan.gap ?? 0), 2)}%`) : "–",
          row.plan?.candidatesPerSlot === null
            ? "everyone who could help"
            : row.plan?.candidatesPerSlot
              ? `${row.plan.candidatesPerSlot} per slot`
              : "–",
        ]),
      )}`,
    );
  }

  if (results.writes) {
    sections.push(
      `### 2. Cell writes (PUT …/assignments; closed loop unless paced; baseline: the same SQL through node-postgres)\n\n${markdownTable(
        [
          "clients",
          "app req/s",
          "p50",
          "p95",
          "p99",
          "failed",
          "CPU/write: app, db",
          "baseline req/s",
          "p50",
          "p95",
          "p99",
          "CPU/write: client, db",
          "throughput ×",
          "p99 ×",
        ],
        results.writes.map((row) => [
          row.pacedPerClient === null ? String(row.clients) : `${row.clients}, ${row.pacedPerClient}/s each`,
          row.app.requestsPerSecond,
          ms(row.app.p50),
          ms(row.app.p95),
          ms(row.app.p99),
          row.app.failures,
          `${row.app.cpuMsPerWrite.server}, ${row.app.cpuMsPerWrite.database} ms`,
          row.baseline.requestsPerSecond,
          ms(row.baseline.p50),
          ms(row.baseline.p95),
          ms(row.baseline.p99),
          `${row.baseline.cpuMsPerWrite.client}, ${row.baseline.cpuMsPerWrite.database} ms`,
          times(row.ratios.throughput),
          times(row.ratios.p99),
        ]),
      )}`,
    );
  }

  const floors = results.writes?.filter((row) => row.framework && row.overFloor) ?? [];
  if (floors.length) {
    const rounds = (figures: readonly number[]) => figures.map((figure) => times(figure)).join(", ");
    sections.push(
      `The framework's floor: the same route with an Authorization header that the app refuses (401) before any database work, so the server does Next.js's work for each request and almost none of Remit's. It bounds what the app could reach on this machine. The app and the floor took turns in rounds; each ratio is the median of the rounds' own (listed after it):\n\n${markdownTable(
        [
          "clients",
          "floor req/s",
          "p50",
          "p99",
          "CPU/request",
          "floor over baseline",
          "app CPU over floor",
          "app p99 over floor",
        ],
        floors.map((row) => {
          const floor = row.framework!;
          const overFloor = row.overFloor!;
          return [
            String(row.clients),
            floor.requestsPerSecond,
            ms(floor.p50),
            ms(floor.p99),
            `${floor.cpuMsPerWrite.server} ms`,
            times(ratio(floor.requestsPerSecond, row.baseline.requestsPerSecond)),
            `${times(overFloor.cpu)} (${rounds(overFloor.rounds.map((entry) => entry.cpu))})`,
            `${times(overFloor.p99)} (${rounds(overFloor.rounds.map((entry) => entry.p99))})`,
          ];
        }),
      )}`,
    );
  }

  const statements = results.writes?.find((row) => row.statements)?.statements;
  if (statements) {
    sections.push(
      `Where the baseline's time goes (paced run, round trip per statement):\n\n${markdownTable(
        ["", ...Object.keys(statements)],
        [
          ["p50", ...Object.values(statements).map((times) => ms(times.p50))],
          ["p95", ...Object.values(statements).map((times) => ms(times.p95))],
        ],
      )}`,
    );
  }

  if (results.live) {
    sections.push(
      `### 3. Live propagation (write answered → event received; baseline: bare SSE echo server)\n\n${markdownTable(
        [
          "subscribers",
          "app p50",
          "p95",
          "p99",
          "sent → received p95",
          "missing",
          "echo p50",
          "p95",
          "p99",
          "sent → received p95",
          "sent → received p95 ×",
        ],
        results.live.map((row) => [
          row.subscribers,
          ms(row.app.fromAnswer.p50),
          ms(row.app.fromAnswer.p95),
          ms(row.app.fromAnswer.p99),
          ms(row.app.fromSend.p95),
          row.app.missing,
          ms(row.baseline.fromAnswer.p50),
          ms(row.baseline.fromAnswer.p95),
          ms(row.baseline.fromAnswer.p99),
          ms(row.baseline.fromSend.p95),
          times(row.ratios.fromSend.p95),
        ]),
      )}`,
    );
  }

  if (results.pages) {
    sections.push(
      `### 4. Page load (headless Chromium, cold cache, median; baseline: the organisation's Members page)\n\n${markdownTable(
        [
          "teams",
          "page",
          "TTFB",
          "FCP",
          "LCP",
          "interactive",
          "blocking",
          "JS (gzip)",
          "JS",
          "HTML (gzip)",
          "HTML",
          "of which RSC data",
          "interactive ×",
          "JS ×",
          "INP (longest)",
        ],
        results.pages.map((row) => [
          row.teams,
          row.page,
          ms(row.figures.ttfb),
          ms(row.figures.fcp),
          ms(row.figures.lcp),
          ms(row.figures.interactive),
          ms(row.figures.blocking),
          kib(row.figures.jsTransferBytes),
          kib(row.figures.jsBytes),
          kib(row.figures.htmlTransferBytes),
          kib(row.figures.htmlBytes),
          kib(row.figures.inlineScriptChars),
          times(row.ratios?.interactive),
          times(row.ratios?.jsBytes),
          row.interaction ? `${inp(row.interaction.inp)} (${inp(row.interaction.worst)})` : "–",
        ]),
      )}`,
    );
  }

  if (results.footprint) {
    const { app, baseline, ratios } = results.footprint;
    const mib = (value: number) => `${value} MiB`;
    sections.push(
      `### 5. Server memory (RSS; baseline: the SSE echo server, a bare Node.js process)\n\n${markdownTable(
        ["process", "idle", "after import", "after load phase", "after page loads", "peak"],
        [
          [
            "app (next start)",
            mib(app.idle.rssMiB),
            mib(app.afterImport.rssMiB),
            mib(app.afterLoad.rssMiB),
            app.afterPages ? mib(app.afterPages.rssMiB) : "–",
            mib((app.afterPages ?? app.afterLoad).peakRssMiB),
          ],
          [
            "echo server",
            mib(baseline.idle.rssMiB),
            "–",
            mib(baseline.afterLoad.rssMiB),
            "–",
            mib(baseline.afterLoad.peakRssMiB),
          ],
          ["app ×", times(ratios.idle), "–", times(ratios.afterLoad), "–", "–"],
        ],
      )}`,
    );
  }

  sections.push(...formatRatioSections(results));

  sections.push(
    `### Targets\n\n${markdownTable(
      ["target", "goal", "measured", "status"],
      results.targets.map((target) => [target.name, target.target, target.measured, target.status]),
    )}`,
  );
  return `${sections.join("\n\n")}\n`;
}

/** History, drafts and import: what each part generated, and its rows, each a ratio with its goal. */
function formatRatioSections(results: TResults): string[] {
  const sections: string[] = [];
  const { history, drafts, imports } = results;
  if (history) {
    const organisations = history.organisations
      .map(
        (org) =>
          `${org.slug} (${org.days === 1 ? "1 day" : `${org.days} days`}, ${org.journalEntries.toLocaleString("en-US")} entries)`,
      )
      .join(", ");
    sections.push(
      `### 6. History (${history.organisations[0]?.teams.toLocaleString("en-US")} teams each: ${organisations}; generated in ${history.generationSeconds} s; median after a warm-up)\n\n${ratioTable(history.rows)}`,
    );
  }
  if (imports) {
    const sizes = [
      ...imports.sizes.map((size) => ({ size, as: "" })),
      ...(imports.workbooks ?? []).map((size) => ({ size, as: " as map.xlsx" })),
    ]
      .map(
        ({ size, as }) =>
          `${size.teams.toLocaleString("en-US")} teams${as}: ${size.importMs.map((value) => ms(Math.round(value))).join(", ")}`,
      )
      .join("; ");
    sections.push(`### 7. Import (PUT /map into an empty organisation; ${sizes})\n\n${ratioTable(imports.rows)}`);
  }
  if (drafts) {
    const sizes = drafts.sizes
      .map(
        (size) =>
          `${size.teams.toLocaleString("en-US")} teams: import ${size.importMs.map((value) => ms(Math.round(value))).join(", ")}, create ${size.createMs.map((value) => ms(Math.round(value))).join(", ")}, publish ${size.publishMs.map((value) => ms(Math.round(value))).join(", ")}`,
      )
      .join("; ");
    sections.push(`### 8. Drafts (${sizes})\n\n${ratioTable(drafts.rows)}`);
  }
  return sections;
}
