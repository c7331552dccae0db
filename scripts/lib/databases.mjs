// Fresh, throw-away databases for tests and tools: a new database on the PostgreSQL server that DATABASE_URL names,
// or, with no server given, a new in-memory embedded server (PGlite has one database per server).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";

function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * @param {{ serverUrl?: string, prefix?: string }} options
 * @returns {Promise<{ url: string, name: string, isEmbedded: boolean, drop: () => Promise<void> }>}
 */
export async function createFreshDatabase({ serverUrl, prefix = "remit_test" } = {}) {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, name: "postgres", isEmbedded: true, drop: embedded.stop };
  }
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    isEmbedded: false,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
