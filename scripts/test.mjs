// `npm test`: the whole suite, in order: checks (lint, types, format), unit tests, integration tests against a
// fresh PostgreSQL database, and end-to-end tests in Chromium against a production build on a fresh database.
// With DATABASE_URL set, the fresh databases are created on that server and dropped afterwards; without it, each is
// a new in-memory embedded server. The demo database in .data/ is never touched.
// `--only <stage>` runs one stage: check, unit, int or e2e; other arguments go to vitest or Playwright
// (e.g. `npm run test:int -- lib/server/members`).
import { randomBytes } from "node:crypto";
import { buildIfNeeded } from "./lib/build.mjs";
import { findChromium } from "./lib/chromium.mjs";
import { createFreshDatabase } from "./lib/databases.mjs";
import { findFreePort, migrateDeploy, run } from "./lib/process.mjs";

const STAGES = ["check", "unit", "int", "e2e"];
let only = null;
const passThrough = [];
for (let index = 2; index < process.argv.length; index++) {
  const arg = process.argv[index];
  if (arg === "--only") only = process.argv[++index] ?? "";
  else if (arg !== "--") passThrough.push(arg);
}
if (only !== null && !STAGES.includes(only)) {
  console.error(`Unknown stage "${only}". Choose one of: ${STAGES.join(", ")}.`);
  process.exit(2);
}

const serverUrl = process.env.DATABASE_URL || undefined;
const baseEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
  // Kept for tests that make scratch databases of their own; empty means "use embedded servers".
  TEST_DATABASE_SERVER_URL: serverUrl ?? "",
};
delete baseEnv.DATABASE_URL;

/** Runs `body` with a fresh, migrated database, and drops it afterwards whatever happens. */
async function withFreshDatabase(prefix, body) {
  const database = await createFreshDatabase({ serverUrl, prefix });
  try {
    // The embedded database cannot carry LISTEN/NOTIFY between connections; the app then announces in-process.
    const env = {
      ...baseEnv,
      DATABASE_URL: database.url,
      ...(database.isEmbedded ? { REMIT_EMBEDDED_DATABASE: "1" } : {}),
    };
    await migrateDeploy(env);
    return await body(env);
  } finally {
    await database.drop();
  }
}

const stages = {
  check: () => run("npm", ["run", "check"], { env: baseEnv }),
  unit: () => run("vitest", ["run", "--project", "unit", ...passThrough], { env: baseEnv }),
  int: () =>
    withFreshDatabase("remit_test_int", (env) =>
      run("vitest", ["run", "--project", "int", ...passThrough], { env: { ...env, DATABASE_POOL_MAX: "4" } }),
    ),
  e2e: async () => {
    const chromium = await findChromium();
    await withFreshDatabase("remit_test_e2e", async (env) => {
      await buildIfNeeded(env);
      const port = await findFreePort();
      await run("playwright", ["test", ...passThrough], {
        // The tests' fixtures import server modules, as the Next.js server does (playwright.config.ts clears this
        // for the app server itself).
        env: { ...env, CHROMIUM_PATH: chromium, E2E_PORT: String(port), NODE_OPTIONS: "--conditions=react-server" },
      });
    });
  },
};

for (const stage of only ? [only] : STAGES) {
  const started = Date.now();
  console.log(`\n=== ${stage} ===`);
  try {
    await stages[stage]();
  } catch (error) {
    console.error(`\n${stage} failed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.log(`=== ${stage} passed in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}
