// Prisma's WebAssembly schema engine over node-postgres, for scripts/prisma-schema-engine.mjs.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);

// When the engine panics it stores the message here, then traps (throws a WebAssembly.RuntimeError).
const panicRegistry = {
  message: "",
  set_message(message) {
    this.message = message;
  },
};

/** The message of the engine's last panic. */
export const lastPanicMessage = () => panicRegistry.message;

/**
 * Instantiates the engine's WebAssembly module. The package's entry point imports the .wasm file as an ES module,
 * which Node only does behind a flag, so wire the module to its JS glue by hand as Prisma's own loader does.
 * @returns {Promise<typeof import("@prisma/schema-engine-wasm").SchemaEngine & { version(): string }>}
 */
export async function loadSchemaEngine() {
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": glue });
  globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return Object.assign(glue.SchemaEngine, { version: glue.version });
}

/** Runs `sql` on a connection of its own to `url`. */
export async function runOnServer(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `url` with its database name replaced. */
export function withDatabase(url, database) {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * The driver adapter factory for the engine: adapter-pg with the fixes below. The shadow database (for `migrate
 * dev` and `migrate diff --from-migrations`) is `shadowDatabaseUrl`'s, emptied first, when given; otherwise, as with
 * the native engine, a temporary database on the main server, dropped after use.
 * `settle()` finishes disposing of shadow databases: the engine may not wait for that before it answers, and the CLI
 * kills this process as soon as it has its answer.
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const shadows = new Set();

  async function connectToShadowDb() {
    if (shadowDatabaseUrl) {
      const adapter = await connectAdapter(shadowDatabaseUrl);
      const schema = quoteIdentifier(adapter.pgOptions?.schema ?? "public");
      await adapter.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
      return adapter;
    }
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runOnServer(url, `CREATE DATABASE ${quoteIdentifier(database)}`);
    // Not { connectionString, database }: node-postgres lets the connection string's database win.
    const adapter = await connectAdapter(withDatabase(url, database));
    const closePool = adapter.dispose.bind(adapter);
    // PostgreSQL does not drop a database that has connections, so close the pool first.
    adapter.dispose = async () => {
      await closePool();
      await runOnServer(url, `DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`);
    };
    try {
      // A server that ignores database names (the embedded one) would hand us the main database instead.
      const [{ current_database }] = (await adapter.client.query("SELECT current_database()")).rows;
      if (current_database !== database) {
        throw new Error(
          `The database server does not keep databases apart, so it cannot hold a shadow database next to the ` +
            `main one. Set SHADOW_DATABASE_URL to a database on another server (with the embedded database: a ` +
            `second embedded server).`,
        );
      }
    } catch (error) {
      await adapter.dispose();
      throw error;
    }
    return adapter;
  }

  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(url),
    async connectToShadowDb() {
      const adapter = await connectToShadowDb();
      const dispose = adapter.dispose.bind(adapter);
      let disposal;
      adapter.dispose = () => (disposal ??= dispose().finally(() => shadows.delete(adapter)));
      shadows.add(adapter);
      return adapter;
    },
  });
  return { factory, settle: () => Promise.all([...shadows].map((adapter) => adapter.dispose())) };
}

async function connectAdapter(url) {
  // Prisma's URLs name the PostgreSQL schema in a `schema` parameter, which is adapter-pg's `schema` option.
  const connectionString = new URL(url);
  const schema = connectionString.searchParams.get("schema") ?? undefined;
  connectionString.searchParams.delete("schema");
  const adapter = await new PrismaPg({ connectionString: connectionString.toString() }, { schema }).connect();
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  // adapter-pg splits scripts on `;`, which breaks function bodies and string literals. Send a script as one
  // simple-protocol query, as the native engine does (PostgreSQL runs it as one implicit transaction).
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error); // throws the error as adapter-pg reports it
    }
  };
  return adapter;
}

const CHAR_OID = 18; // PostgreSQL's one-byte "char", used by catalog columns such as pg_constraint.contype
const TEXT_OID = 25;

function patchQueryable(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    // adapter-pg rejects results with "char" columns; node-postgres reads them as strings already.
    for (const field of result.fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    // PostgreSQL 18 (the embedded database) lists NOT NULL as pg_constraint rows of type 'n', which make the
    // engine's constraint introspection panic. It reads NOT NULL from pg_attribute, so leave them out.
    const typeColumn = result.fields.findIndex((field) => field.name === "constraint_type");
    if (typeColumn >= 0) result.rows = result.rows.filter((row) => row[typeColumn] !== "n");
    return result;
  };
  return queryable;
}
