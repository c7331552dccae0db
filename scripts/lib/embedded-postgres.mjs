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

// Extended-protocol messages that leave the backend mid-query until the connection's Sync: Parse, Bind, Describe,
// Execute, Close, Flush.
const MID_QUERY_MESSAGES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = 0x53;

/**
 * pglite-socket (0.2.17) queues each connection's messages one by one on PGlite's single backend, so outside a
 * transaction two connections' extended queries interleave (A's Parse, B's Parse, A's Bind binds B's statement):
 * "unnamed prepared statement does not exist", or one query's rows answered to the other. Every parameterised query
 * is such a query; a second pool (the job queue's worker) beside the app's makes them meet often. This queue keeps
 * the backend for one connection from its first extended message to its Sync, as the library already does from
 * BEGIN to COMMIT.
 */
function keepExtendedQueriesWhole(server, db) {
  const LibraryQueue = server.queryQueue.constructor;
  class WholeQueryQueue extends LibraryQueue {
    heldBy = null;

    async processQueue() {
      if (this.processing || this.queue.length === 0) return;
      this.processing = true;
      try {
        while (this.queue.length > 0) {
          const owner = this.heldBy ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
          const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
          if (index === -1) break; // the owner's next message has not arrived; the others wait for it
          const [item] = this.queue.splice(index, 1);
          const type = item.message[0];
          if (MID_QUERY_MESSAGES.has(type)) this.heldBy = item.handlerId;
          else if (type === SYNC || this.heldBy === item.handlerId) this.heldBy = null;
          let bytes = 0;
          try {
            await this.db.runExclusive(() =>
              this.db.execProtocolRawStream(item.message, {
                onRawData: (data) => {
                  bytes += data.length;
                  item.onData(data);
                },
              }),
            );
          } catch (error) {
            item.reject(error);
            continue;
          }
          this.lastHandlerId = item.handlerId;
          item.resolve(bytes);
        }
      } finally {
        this.processing = false;
      }
    }

    clearQueueForHandler(handlerId) {
      super.clearQueueForHandler(handlerId);
      if (this.heldBy === handlerId) {
        this.heldBy = null;
        void this.processQueue();
      }
    }
  }
  server.queryQueue = new WholeQueryQueue(db);
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
  keepExtendedQueriesWhole(server, db);
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
