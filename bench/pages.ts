// Part 4: page load in headless Chromium, signed in, each load in a fresh browser context (a cold cache, as a first
// visit); the pages of an organisation take turns, round after round, after one untimed round. Timings come from the
// page itself: Navigation Timing, paint and LCP entries from PerformanceObserver, and "interactive" as defined in
// bench/lib/page-probe.ts. The baseline is a page of the same organisation, under the same layout, that does not
// load the map: Members.
import { chromium, type Browser } from "@playwright/test";
import { findChromium } from "../scripts/lib/chromium.mjs";
import type { TBenchOrganisation, TBenchUser } from "./lib/organisations";
import { installProbe, readProbe, type TPageLoad } from "./lib/page-probe";
import { median, ratio, round } from "./lib/stats";

const LOAD_TIMEOUT_MS = 120_000;

export type TPageName = "team" | "overview" | "baseline";

/** Medians over the timed loads (in ms from navigation start, or bytes), and how many loads there were. */
export type TPageFigures = TPageLoad & { loads: number };

export type TPageResult = {
  teams: number;
  page: TPageName;
  path: string;
  figures: TPageFigures;
  /** Over the baseline page of the same organisation; null for the baseline itself. */
  ratios: { interactive: number | null; lcp: number | null; jsBytes: number | null } | null;
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

async function loadOnce(
  browser: Browser,
  storageState: Awaited<ReturnType<typeof signIn>>,
  url: string,
): Promise<TPageLoad> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await installProbe(page);
    const response = await page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} went to ${page.url()}`);
    return await readProbe(page, LOAD_TIMEOUT_MS);
  } finally {
    await context.close();
  }
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
  teamIds,
  loads,
  log,
}: {
  baseUrl: string;
  user: TBenchUser;
  organisations: readonly TBenchOrganisation[];
  /** The team whose page is loaded, per organisation slug. */
  teamIds: ReadonlyMap<string, string>;
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
        { name: "team", path: `/${organisation.slug}/teams/${teamIds.get(organisation.slug)}`, loads: [] },
      ];
      log(`pages: ${organisation.teams} teams, ${pages.map((page) => page.name).join(", ")}: 1 + ${loads} loads each`);
      // Round by round, so that whatever else the machine is doing meanwhile weighs on every page alike.
      for (let round = 0; round <= loads; round++) {
        for (const page of pages) {
          const load = await loadOnce(browser, storageState, `${baseUrl}${page.path}`);
          if (round > 0) page.loads.push(load);
        }
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
                  interactive: ratio(figures.interactive, baseline.interactive),
                  lcp: ratio(figures.lcp, baseline.lcp),
                  jsBytes: ratio(figures.jsBytes, baseline.jsBytes),
                },
        });
      }
    }
    return { pages: results, browserVersion: browser.version() };
  } finally {
    await browser.close();
  }
}
