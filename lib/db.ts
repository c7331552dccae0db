import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool, type QueryResultRow } from "pg";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

type TDatabase = { prisma: PrismaClient; pool: Pool };

// How long a query or a transaction waits for one of the pool's connections (all of them may be held by writes
// queued behind a long publish or import) before the request answers 503. Prisma's own default is 2 s for a
// transaction, which a loaded server exceeds while every query still succeeds a moment later.
const POOL_WAIT_MS = 10_000;
// How long a transaction may run, waiting for locks included: a write queued behind an import or a publish of a large
// map waits for it rather than failing at Prisma's default of 5 s. Longer writes (an import, a publish) set their own.
const TRANSACTION_TIMEOUT_MS = 60_000;

function createDatabase(): TDatabase {
  const env = getEnv();
  const pool = new Pool({
    connectionString: env.DATABASE_URL,
    // The embedded database is one PostgreSQL session shared by every connection (its server keeps each
    // connection's query whole: scripts/lib/embedded-postgres.mjs): one connection queues the app's queries here,
    // in order, rather than in the one backend (e2e/resilience-quick-start.spec.ts sends many requests at once).
    max: env.REMIT_EMBEDDED_DATABASE ? 1 : env.DATABASE_POOL_MAX,
    // Bounded (the caller answers 503) rather than hanging when the database is unreachable or the pool is busy.
    connectionTimeoutMillis: POOL_WAIT_MS,
  });
  // An idle connection that the server drops (a restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  // $disconnect ends the pool too (scripts that finish would otherwise wait for its idle connections to time out).
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    prisma: new PrismaClient({
      adapter,
      transactionOptions: { maxWait: POOL_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
    }),
    pool,
  };
}

// One client per server process. Development reloads modules, so the client lives on globalThis.
const globalForPrisma = globalThis as unknown as { remitDatabase?: TDatabase };

function getDatabase(): TDatabase {
  if (!globalForPrisma.remitDatabase || globalForPrisma.remitDatabase.pool.ended) {
    globalForPrisma.remitDatabase = createDatabase();
  }
  return globalForPrisma.remitDatabase;
}

// Created on first use, so that importing this module (as `next build` does) needs no configuration.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDatabase().prisma;
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Runs one SQL statement straight on the connection pool that Prisma uses, and answers its rows. For the statements
 * every API request runs (its token, a cell write), where Prisma's own work per raw query costs more CPU than
 * node-postgres's; everything else goes through `db`. Values come back as node-postgres gives them (bigint as text).
 * On PostgreSQL each is a named prepared statement, parsed and planned once per connection (docs/architecture.md).
 */
export async function queryRows<TRow extends QueryResultRow>(query: Prisma.Sql): Promise<TRow[]> {
  const { rows } = await getDatabase().pool.query<TRow>({
    text: query.text,
    values: query.values as unknown[],
    name: getEnv().REMIT_EMBEDDED_DATABASE ? undefined : statementName(query.text),
  });
  return rows;
}

// A statement's name by its text: as many as queryRows has shapes of statement in the code, a dozen or so.
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `remit_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}
