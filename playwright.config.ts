import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` (or `npm run test:e2e`), which finds Chromium, prepares a fresh database and a production
// build, and sets CHROMIUM_PATH, E2E_PORT and DATABASE_URL.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const RESILIENCE_SPECS = /(resilience-[a-z-]+|load)\.spec\.ts$/;

const CHROMIUM = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH,
    // Chromium's background services try to reach Google; without network access they only slow it down.
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: RESILIENCE_SPECS,
      use: CHROMIUM,
    },
    {
      // The HTTP contract of /api/v1: every operation of the served OpenAPI document, by every kind of caller. No
      // browser; its files are named *.contract.ts so that the other projects leave them alone.
      name: "api-contract",
      testDir: "e2e/contract",
      testMatch: /\.contract\.ts$/,
    },
    {
      // Database restarts, killed servers and a minute of load: after the screens' tests, one at a time, so that they
      // neither starve the screens' tests of CPU nor each other.
      name: "resilience",
      testMatch: RESILIENCE_SPECS,
      dependencies: ["chromium"],
      workers: 1,
      use: CHROMIUM,
    },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start --port ${port} --hostname 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    // Webhook tests send to receivers they start on 127.0.0.1, which a server refuses unless told (docs/webhooks.md).
    env: { NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: "", WEBHOOK_ALLOW_PRIVATE: "1" },
  },
});
