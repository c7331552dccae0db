// The embedded PostgreSQL: PGlite behind a wire-protocol socket server, so Prisma, node-postgres and the
// migration engine talk to it exactly as they would to a real server.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The app's pool, the migration engine and the seed each hold a connection; the server queues queries and keeps
// a transaction's statements on its own connection.
const MAX_CONNECTIONS = 32;

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** A process that was just stopped (a restart) may take a few seconds to flush and exit. */
const LOCK_WAIT_MS = 20_000;

// PGlite serves one process; two processes on the same data directory would corrupt it.
async function takeLock(dataDir) {
  const lockFile = `${dataDir}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    const holds = () => pid && pid !== process.pid && isProcessAlive(pid);
    if (holds()) console.log(`remit: waiting for the previous Remit (process ${pid}) to stop...`);
    for (const deadline = Date.now() + LOCK_WAIT_MS; holds() && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (holds()) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first, ` +
          `or set DATABASE_URL to use a PostgreSQL server instead.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/**
 * Starts an embedded PostgreSQL server on 127.0.0.1.
 * @param {{ dataDir?: string, port?: number }} options dataDir persists the data; without it the database lives in memory.
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port = 0 } = {}) {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    releaseLock = await takeLock(dataDir);
  }
  let db;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    releaseLock();
    throw error;
  }
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const address = server.getServerConn();
  const actualPort = Number(address.split(":").pop());
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    port: actualPort,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
