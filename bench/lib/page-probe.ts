// What a page load is measured by, from inside the page.
//
// "Interactive" is the first animation frame in which the first and the last control (link, button, input, select,
// textarea) of the page's <main> carry React's props, i.e. React has hydrated them and their handlers answer input.
// Hidden inputs do not count: React leaves the ones it renders for server actions alone.
// Hydration runs from the top of the tree to the bottom, so the last control is among the last nodes hydrated; the
// frame is only drawn once the main thread is free. No marker is added to the app for this.
//
// The scripts are strings, not functions: tsx compiles functions with name-keeping helpers that do not exist in the
// page.
import type { Page } from "@playwright/test";

export type TPageLoad = {
  ttfb: number;
  fcp: number;
  lcp: number;
  domContentLoaded: number;
  interactive: number;
  /** Main-thread time beyond 50 ms per long task, before interactive (as Total Blocking Time counts it). */
  blocking: number;
  jsTransferBytes: number;
  jsBytes: number;
  htmlTransferBytes: number;
  htmlBytes: number;
  /** Characters of inline scripts in the document: mostly the React Server Components payload (the page's data). */
  inlineScriptChars: number;
};

const CONTROLS = "main a[href], main button, main input:not([type=hidden]), main select, main textarea";

/** Runs in the page before any of its own scripts. */
const PROBE = `(() => {
  const CONTROLS = ${JSON.stringify(CONTROLS)};
  const BUSY = "main [aria-busy=true]";
  const state = { fcp: null, lcp: null, interactive: null, longTasks: [] };
  window.__remitBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") state.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    if (entries.length > 0) state.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });

  const isHydrated = (element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"));
  let targets = [];
  const check = () => {
    if (document.readyState !== "loading") {
      if (targets.length === 0 || targets.some((target) => !target.isConnected)) {
        const controls = document.querySelectorAll(CONTROLS);
        targets = controls.length > 0 ? [controls[0], controls[controls.length - 1]] : [];
      }
      // A page still drawing what it is for (the structure view laying out its picture) says so with aria-busy.
      if (targets.length > 0 && targets.every(isHydrated) && !document.querySelector(BUSY)) {
        state.interactive = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

const POLL_MS = 50;

const IS_INTERACTIVE = `window.__remitBench != null && window.__remitBench.interactive != null`;

/** One more frame after interactive, so that an LCP candidate painted by hydration is reported. */
const NEXT_FRAME = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))`;

const DIAGNOSE = `(() => {
  const controls = [...document.querySelectorAll(${JSON.stringify(CONTROLS)})];
  const hydrated = controls.filter((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$")));
  return controls.length + " controls, " + hydrated.length + " of them hydrated";
})()`;

const READ = `(() => {
  const state = window.__remitBench;
  const interactive = state.interactive;
  const navigation = performance.getEntriesByType("navigation")[0];
  const scripts = performance
    .getEntriesByType("resource")
    .filter((entry) => new URL(entry.name).pathname.endsWith(".js"));
  const sum = (values) => values.reduce((total, value) => total + value, 0);
  return {
    ttfb: navigation.responseStart,
    fcp: state.fcp,
    lcp: state.lcp ?? state.fcp,
    domContentLoaded: navigation.domContentLoadedEventEnd,
    interactive,
    blocking: sum(
      state.longTasks
        .filter((task) => task.start < interactive)
        .map((task) => Math.max(0, Math.min(task.start + task.duration, interactive) - task.start - 50)),
    ),
    jsTransferBytes: sum(scripts.map((entry) => entry.encodedBodySize)),
    jsBytes: sum(scripts.map((entry) => entry.decodedBodySize)),
    htmlTransferBytes: navigation.encodedBodySize,
    htmlBytes: navigation.decodedBodySize,
    inlineScriptChars: sum([...document.scripts].filter((script) => !script.src).map((script) => script.text.length)),
  };
})()`;

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE });
}

/** Waits until the page is interactive, then reads every figure. */
export async function readProbe(page: Page, timeoutMs: number): Promise<TPageLoad> {
  // Polled with page.evaluate rather than waitForFunction, which evaluates its string with eval inside the page:
  // the app's Content-Security-Policy forbids that. The probe stamps the moment itself, so polling costs no precision.
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(IS_INTERACTIVE))) {
    if (Date.now() > deadline) {
      const seen = await page.evaluate(DIAGNOSE).catch(() => "nothing (the page did not answer)");
      throw new Error(`${page.url()} never became interactive; in <main> it has ${String(seen)}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await page.evaluate(NEXT_FRAME);
  const load = (await page.evaluate(READ)) as Record<keyof TPageLoad, number | null>;
  const missing = Object.entries(load).filter(([, value]) => typeof value !== "number");
  if (missing.length > 0) throw new Error(`The page did not report ${missing.map(([name]) => name).join(", ")}.`);
  return load as TPageLoad;
}

/**
 * Runs in the page before its scripts: the Event Timing entries of every interaction (Chromium's
 * PerformanceObserver type "event", durationThreshold 16 ms, the least it allows), as INP counts them: from the input
 * to the next frame painted after its handlers, React's rendering included.
 */
const INTERACTION_PROBE = `(() => {
  const state = { worst: 0, slow: new Set(), observer: null };
  window.__remitInteractions = state;
  const take = (entries) => {
    for (const entry of entries) {
      if (!entry.interactionId) continue;
      state.slow.add(entry.interactionId);
      state.worst = Math.max(state.worst, entry.duration);
    }
  };
  state.observer = new PerformanceObserver((list) => take(list.getEntries()));
  state.observer.observe({ type: "event", durationThreshold: 16, buffered: true });
  state.take = () => take(state.observer.takeRecords());
})()`;

/** The longest interaction, and how many interactions took 16 ms or more; 0 when none did. */
export type TInteractions = { worst: number; slow: number };

export async function installInteractionProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: INTERACTION_PROBE });
}

/** After the last interaction's frame has been painted, what the probe saw. */
export async function readInteractions(page: Page): Promise<TInteractions> {
  await page.evaluate(NEXT_FRAME);
  return (await page.evaluate(`(() => {
    const state = window.__remitInteractions;
    state.take();
    return { worst: state.worst, slow: state.slow.size };
  })()`)) as TInteractions;
}
