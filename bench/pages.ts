// Part 4: page load in headless Chromium, signed in, each load in a fresh browser context (a cold cache, as a first
// visit); the pages of an organisation take turns, round after round, after one untimed round. Timings come from the
// page itself: Navigation Timing, paint and LCP entries from PerformanceObserver, and "interactive" as defined in
// bench/lib/page-probe.ts. The baseline is a page of the same organisation, under the same layout, that does not
// load the map: Members.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { findChromium } from "../scripts/lib/chromium.mjs";
import type { TBenchOrganisation, TBenchUser } from "./lib/organisations";
import {
  installInteractionProbe,
  installProbe,
  readInteractions,
  readProbe,
  type TInteractions,
  type TPageLoad,
} from "./lib/page-probe";
import { median, ratio, round } from "./lib/stats";

const LOAD_TIMEOUT_MS = 120_000;
/** Visits per page in which interactions are timed (each a fresh context, after the timed loads). */
const INTERACTION_VISITS = 3;
/** Cells edited per team page visit: each by a click on the cell and one on the menu, and by a key. */
const CELL_EDITS = 4;
/** Typed into the overview's filter, a character at a time, then erased. */
const FILTER_TEXT = "checkout";
/** Between keystrokes, about a fast typist's pace. */
const KEY_DELAY_MS = 80;

export type TPageName = "team" | "overview" | "structure" | "people" | "history" | "baseline";

/** Medians over the timed loads (in ms from navigation start, or bytes), and how many loads there were. */
export type TPageFigures = TPageLoad & { loads: number };

export type TPageResult = {
  teams: number;
  page: TPageName;
  path: string;
  figures: TPageFigures;
  /** Over the baseline page of the same organisation; null for the baseline itself. */
  ratios: { interactive: number | null; lcp: number | null; jsBytes: number | null } | null;
  /**
   * Interaction to next paint on the team page (cell edits) and the overview (typing in its filter): the median over
   * the visits of each visit's longest interaction, and the longest of all. Absent for the other pages.
   */
  interaction?: { inp: number; worst: number; slow: number; visits: number };
};

async function signIn(browser: Browser, baseUrl: string, user: TBenchUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const state = await context.storageState();
  await context.close();
  return state;
}

// To see where a page's time goes: BENCH_PAGE_PROFILE_DIR=/tmp/remit-pages npm run bench -- --only pages writes the
// browser's CPU profile of each page's untimed first load there (`<teams>-<page>.cpuprofile`, for Chromium's DevTools),
// and of the first visit's interactions (`<teams>-<page>-interactions.cpuprofile`).
const PROFILE_DIR = process.env.BENCH_PAGE_PROFILE_DIR;

/** Runs `body`, recording the page's CPU profile as `<name>.cpuprofile` when asked (BENCH_PAGE_PROFILE_DIR). */
async function profiled<T>(page: Page, name: string | undefined, body: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR || !name) return body();
  const profiler = await page.context().newCDPSession(page);
  await profiler.send("Profiler.enable");
  await profiler.send("Profiler.setSamplingInterval", { interval: 100 });
  await profiler.send("Profiler.start");
  const result = await body();
  const { profile } = await profiler.send("Profiler.stop");
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  return result;
}

async function loadOnce(
  browser: Browser,
  storageState: Awaited<ReturnType<typeof signIn>>,
  url: string,
  profileAs?: string,
): Promise<TPageLoad> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await installProbe(page);
    return await profiled(page, profileAs, async () => {
      const response = await page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
      if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
      if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} went to ${page.url()}`);
      return await readProbe(page, LOAD_TIMEOUT_MS);
    });
  } finally {
    await context.close();
  }
}

/**
 * One visit to the team page: cells edited as a person does, a click on the cell then one on a level in its menu,
 * and a level's key on a focused cell. Each edit changes the cell (it is saved in the background).
 */
async function editCells(page: Page): Promise<void> {
  const cells = page.locator("main button[data-cell]");
  for (let index = 0; index < CELL_EDITS; index++) {
    const cell = cells.nth(index * 3);
    await cell.click();
    const menu = page.getByRole("menu");
    await menu.getByRole("menuitemradio", { checked: false }).first().click();
    await menu.waitFor({ state: "detached" });
    const keyed = cells.nth(index * 3 + 1);
    await keyed.focus();
    const [label, key] = await Promise.all([keyed.getAttribute("aria-label"), keyed.getAttribute("data-cell")]);
    const level = label?.includes(": Responsible") ? "Consulted" : "Responsible";
    await page.keyboard.press(level === "Consulted" ? "c" : "r");
    // Not waitForFunction: it evaluates with eval in the page, which the app's Content-Security-Policy forbids.
    await page.locator(`main button[data-cell="${key}"][aria-label*=": ${level}"]`).waitFor();
  }
}

/** One visit to the overview: the filter typed into, a key at a time, until it names one team's series, then erased. */
async function typeInFilter(page: Page): Promise<void> {
  const filter = page.getByPlaceholder("Filter by name");
  await filter.click();
  await page.keyboard.type(FILTER_TEXT, { delay: KEY_DELAY_MS });
  // Every team left names the series.
  await page
    .locator("main table")
    .getByRole("rowheader")
    .filter({ hasNotText: /checkout/i })
    .first()
    .waitFor({ state: "detached" });
  for (let index = 0; index < FILTER_TEXT.length; index++) {
    await page.keyboard.press("Backspace", { delay: KEY_DELAY_MS });
  }
}

async function interactOnce(
  browser: Browser,
  storageState: Awaited<ReturnType<typeof signIn>>,
  url: string,
  interact: (page: Page) => Promise<void>,
  profileAs?: string,
): Promise<TInteractions> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await installProbe(page);
    await installInteractionProbe(page);
    await page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    await readProbe(page, LOAD_TIMEOUT_MS);
    await profiled(page, profileAs, () => interact(page));
    return await readInteractions(page);
  } finally {
    await context.close();
  }
}

function summarizeInteractions(visits: readonly TInteractions[]): NonNullable<TPageResult["interaction"]> {
  return {
    inp: round(median(visits.map((visit) => visit.worst)), 1),
    worst: round(Math.max(...visits.map((visit) => visit.worst)), 1),
    slow: Math.max(...visits.map((visit) => visit.slow)),
    visits: visits.length,
  };
}

/**
 * The median over rounds of a page's figure over the baseline's in the same round: a slow spell of the machine
 * weighs on both loads of a round, and cancels out, where a ratio of the two medians would keep it.
 */
function pairedRatio(
  loads: readonly TPageLoad[],
  baselineLoads: readonly TPageLoad[],
  pick: (load: TPageLoad) => number,
): number | null {
  const ratios = loads.flatMap((load, round) => {
    const against = baselineLoads[round];
    return against && pick(against) > 0 ? [pick(load) / pick(against)] : [];
  });
  return ratios.length > 0 ? round(median(ratios), 2) : null;
}

function summarizeLoads(loads: readonly TPageLoad[]): TPageFigures {
  const mid = (pick: (load: TPageLoad) => number) => round(median(loads.map(pick)), 1);
  return {
    ttfb: mid((load) => load.ttfb),
    fcp: mid((load) => load.fcp),
    lcp: mid((load) => load.lcp),
    domContentLoaded: mid((load) => load.domContentLoaded),
    interactive: mid((load) => load.interactive),
    blocking: mid((load) => load.blocking),
    jsTransferBytes: mid((load) => load.jsTransferBytes),
    jsBytes: mid((load) => load.jsBytes),
    htmlTransferBytes: mid((load) => load.htmlTransferBytes),
    htmlBytes: mid((load) => load.htmlBytes),
    inlineScriptChars: mid((load) => load.inlineScriptChars),
    loads: loads.length,
  };
}

export async function benchPages({
  baseUrl,
  user,
  organisations,
  teamKeys,
  loads,
  log,
}: {
  baseUrl: string;
  user: TBenchUser;
  organisations: readonly TBenchOrganisation[];
  /** The key of the team whose page is loaded, per organisation slug. */
  teamKeys: ReadonlyMap<string, string>;
  loads: number;
  log: (message: string) => void;
}): Promise<{ pages: TPageResult[]; browserVersion: string }> {
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    // Chromium's background services try to reach Google; without network access they only slow it down.
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const storageState = await signIn(browser, baseUrl, user);
    // Chromium's first pages are slower (its own caches and JIT warming up); not the app's doing.
    const first = organisations[0];
    for (let index = 0; first && index < 2; index++) {
      await loadOnce(browser, storageState, `${baseUrl}/${first.slug}/members`);
    }
    const results: TPageResult[] = [];
    for (const organisation of organisations) {
      const pages: { name: TPageName; path: string; loads: TPageLoad[] }[] = [
        { name: "baseline", path: `/${organisation.slug}/members`, loads: [] },
        { name: "overview", path: `/${organisation.slug}`, loads: [] },
        { name: "team", path: `/${organisation.slug}/teams/${teamKeys.get(organisation.slug)}`, loads: [] },
        // Interactive once its picture is laid out and drawn (see the probe's aria-busy).
        { name: "structure", path: `/${organisation.slug}/structure`, loads: [] },
        // The screens that list everyone: a page of people found by the server, and the journal's first page.
        { name: "people", path: `/${organisation.slug}/people`, loads: [] },
        { name: "history", path: `/${organisation.slug}/history`, loads: [] },
      ];
      log(`pages: ${organisation.teams} teams, ${pages.map((page) => page.name).join(", ")}: 1 + ${loads} loads each`);
      // Round by round, so that whatever else the machine is doing meanwhile weighs on every page alike, and each
      // round in another order, so that no page is always the one loaded first.
      for (let round = 0; round <= loads; round++) {
        for (let turn = 0; turn < pages.length; turn++) {
          const page = pages[(round + turn) % pages.length]!;
          const profileAs = round === 0 ? `${organisation.teams}-${page.name}` : undefined;
          const load = await loadOnce(browser, storageState, `${baseUrl}${page.path}`, profileAs);
          if (round > 0) page.loads.push(load);
        }
      }
      log(`pages: ${organisation.teams} teams, interactions: ${INTERACTION_VISITS} visits each to team and overview`);
      const interactions = { team: [] as TInteractions[], overview: [] as TInteractions[] };
      for (let visit = 0; visit < INTERACTION_VISITS; visit++) {
        const profileAs = (name: string) => (visit === 0 ? `${organisation.teams}-${name}-interactions` : undefined);
        interactions.overview.push(
          await interactOnce(browser, storageState, `${baseUrl}${pages[1]!.path}`, typeInFilter, profileAs("overview")),
        );
        interactions.team.push(
          await interactOnce(browser, storageState, `${baseUrl}${pages[2]!.path}`, editCells, profileAs("team")),
        );
      }
      const baseline = summarizeLoads(pages[0]!.loads);
      for (const page of pages) {
        const figures = page.name === "baseline" ? baseline : summarizeLoads(page.loads);
        results.push({
          teams: organisation.teams,
          page: page.name,
          path: page.path,
          figures,
          ratios:
            page.name === "baseline"
              ? null
              : {
                  interactive: pairedRatio(page.loads, pages[0]!.loads, (load) => load.interactive),
                  lcp: pairedRatio(page.loads, pages[0]!.loads, (load) => load.lcp),
                  jsBytes: ratio(figures.jsBytes, baseline.jsBytes),
                },
          ...(page.name === "team" || page.name === "overview"
            ? { interaction: summarizeInteractions(interactions[page.name]) }
            : {}),
        });
      }
    }
    return { pages: results, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}
