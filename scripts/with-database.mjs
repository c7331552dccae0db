// Runs a database command (`npm run db:*`) against DATABASE_URL, or, without it, against the embedded database in
// .data/ (stop `npm start` first: the embedded database serves one process). `prisma migrate dev` and `reset` get a
// second, in-memory embedded server as their shadow database, because PGlite has one database per server.
import { loadOrCreateAuthSecret, EMBEDDED_DATA_DIR } from "./lib/config.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { run } from "./lib/process.mjs";

const [command, ...args] = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET ||= loadOrCreateAuthSecret();
const servers = [];

try {
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR });
    servers.push(embedded);
    env.DATABASE_URL = embedded.url;
    if (!env.SHADOW_DATABASE_URL && command === "prisma" && args[0] === "migrate") {
      const shadow = await startEmbeddedPostgres();
      servers.push(shadow);
      env.SHADOW_DATABASE_URL = shadow.url;
    }
  }
  if (command === "tsx") args.unshift("--conditions=react-server");
  await run(command, args, { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const server of servers.reverse()) await server.stop();
}
