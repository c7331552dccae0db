// `npm start`: serve Remit on http://localhost:3000 (PORT overrides). Without DATABASE_URL it runs the embedded
// PostgreSQL with its data in .data/; with it, that server. Either way it applies the migrations, seeds an empty
// database with the demo organisation, builds the app if the sources changed, and serves it.
// `npm run dev` does the same with the Next.js development server.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";
import { EMBEDDED_DATA_DIR, loadOrCreateAuthSecret, resolveEmbeddedPort, resolvePort } from "./lib/config.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { migrateDeploy, ROOT, runTypeScript, start } from "./lib/process.mjs";

const isDev = process.argv.includes("--dev");
const demo = JSON.parse(readFileSync(path.join(ROOT, "prisma", "demo-account.json"), "utf8"));

let embedded;
let server;
let stopping = false;

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  // Closing PGlite flushes its files, so .data/ opens cleanly next time.
  await embedded?.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(0));

async function waitUntilHealthy(url) {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main() {
  const port = resolvePort();
  const embeddedPort = resolveEmbeddedPort();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  env.AUTH_SECRET ||= loadOrCreateAuthSecret();
  if (!env.DATABASE_URL) {
    console.log(
      `remit: starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), EMBEDDED_DATA_DIR)})...`,
    );
    embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: embeddedPort });
    env.DATABASE_URL = embedded.url;
    env.REMIT_EMBEDDED_DATABASE = "1";
  }
  console.log("remit: applying database migrations...");
  await migrateDeploy(env);
  await runTypeScript("prisma/seed.ts", { env });
  if (!isDev) await buildIfNeeded(env);

  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  server = start(process.execPath, [next, isDev ? "dev" : "start", "--port", String(port)], { env });
  server.on("exit", (code) => void shutdown(stopping ? 0 : (code ?? 1)));

  const url = `http://localhost:${port}`;
  if (await waitUntilHealthy(url)) {
    console.log(`\nremit: ready on ${url}`);
    console.log(`remit: demo login ${demo.user.email} / ${demo.user.password} (seeded into an empty database)\n`);
  }
}

main().catch(async (error) => {
  console.error(`remit: could not start.\n${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
