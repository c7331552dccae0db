// Prisma's migration commands, run by the real CLI through scripts/prisma-schema-engine.mjs (the WebAssembly schema
// engine standing in for the native one). Against the PostgreSQL server of TEST_DATABASE_SERVER_URL (set by
// `npm test`) or DATABASE_URL, or, with neither, against embedded servers.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createFreshDatabase } from "./lib/databases.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
// `npm test` points DATABASE_URL at the suite's own database and names the server (or "" for embedded) here.
const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL ?? "";
const TIMEOUT = 180_000;

type Database = { url: string; drop: () => Promise<void> };

/** A scratch copy of the project's schema and migrations, with a config of its own (like prisma.config.ts). */
async function createProject() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "remit-engine-"));
  await cp(path.join(ROOT, "prisma", "schema.prisma"), path.join(dir, "prisma", "schema.prisma"));
  await cp(path.join(ROOT, "prisma", "migrations"), path.join(dir, "prisma", "migrations"), { recursive: true });
  await writeFile(
    path.join(dir, "prisma.config.ts"),
    `export default {
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "", shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
};\n`,
  );
  const migrationsDir = path.join(dir, "prisma", "migrations");
  return {
    dir,
    migrationsDir,
    /** Adds a hand-written migration after the project's own. */
    async addMigration(name: string, sql: string) {
      await mkdir(path.join(migrationsDir, `29991231000000_${name}`));
      await writeFile(path.join(migrationsDir, `29991231000000_${name}`, "migration.sql"), sql);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs Prisma's CLI in `cwd`; resolves with its output, rejects with it when the command fails. */
function prisma(cwd: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<string>((resolve, reject) => {
    // Asynchronously: the embedded servers run in this process and must keep answering.
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "prisma", "build", "index.js"), ...args], {
      cwd,
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(ROOT, "scripts", "prisma-schema-engine.mjs"),
        CHECKPOINT_DISABLE: "1",
        SHADOW_DATABASE_URL: undefined,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

/** Runs `body` with a fresh database, dropped afterwards whatever happens. */
async function withDatabase<T>(body: (database: Database) => Promise<T>) {
  const database = await createFreshDatabase({ serverUrl: SERVER_URL || undefined, prefix: "remit_engine_test" });
  try {
    return await body(database);
  } finally {
    await database.drop();
  }
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tablesIn = async (url: string) =>
  (await query<{ name: string }>(url, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).map(
    (row) => row.name,
  );

/** The names of the tables the migration files create. */
/** The tables that the migrations, applied in order, leave behind. */
async function migratedTables(migrationsDir: string) {
  const tables = new Set<string>();
  for (const name of await migrationNames(migrationsDir)) {
    const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
    for (const [, verb, table] of sql.matchAll(/(CREATE|DROP) TABLE "([^"]+)"/g)) {
      if (verb === "CREATE") tables.add(table!);
      else tables.delete(table!);
    }
  }
  return [...tables];
}

async function migrationNames(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const shadowDatabases = async () =>
  SERVER_URL
    ? (await query<{ datname: string }>(SERVER_URL, "SELECT datname FROM pg_database")).map((row) => row.datname)
    : [];

describe("prisma-schema-engine (Prisma's CLI on the WebAssembly schema engine)", () => {
  it(
    "creates and applies a migration for a schema change with `migrate dev`",
    async () => {
      const project = await createProject();
      // The embedded database has one database per server, so its shadow database is a server of its own, which
      // the engine empties before use: this table must go.
      const shadow = SERVER_URL ? undefined : await startEmbeddedPostgres();
      if (shadow) await query(shadow.url, "CREATE TABLE shadow_leftover (id int)");
      const tablesOfExistingMigrations = await migratedTables(project.migrationsDir);
      const databasesBefore = await shadowDatabases();
      try {
        await withDatabase(async (database) => {
          const schemaPath = path.join(project.dir, "prisma", "schema.prisma");
          const schema = await readFile(schemaPath, "utf8");
          await writeFile(
            schemaPath,
            `${schema}\nmodel EngineProbe {\n  id    Int    @id @default(autoincrement())\n  label String\n\n  @@map("engine_probe")\n}\n`,
          );
          const env = { DATABASE_URL: database.url, SHADOW_DATABASE_URL: shadow?.url };

          await prisma(project.dir, ["migrate", "dev", "--name", "engine_probe"], env);

          const created = (await migrationNames(project.migrationsDir)).filter((name) =>
            name.endsWith("_engine_probe"),
          );
          expect(created).toHaveLength(1);
          const sql = await readFile(path.join(project.migrationsDir, created[0]!, "migration.sql"), "utf8");
          expect(sql).toContain('CREATE TABLE "engine_probe"');
          expect(sql).not.toContain('CREATE TABLE "user"');
          expect(await tablesIn(database.url)).toEqual(expect.arrayContaining(["engine_probe", "user"]));
          expect(await prisma(project.dir, ["migrate", "status"], env)).toContain("Database schema is up to date!");
        });
        if (shadow) {
          // The given shadow database was emptied, then used: the existing migrations' tables are there (the engine
          // compares them with the schema to write the new one), the table from before is not.
          const tables = await tablesIn(shadow.url);
          expect(tables).toEqual(expect.arrayContaining(tablesOfExistingMigrations));
          expect(tables).not.toContain("shadow_leftover");
        } else {
          // The temporary shadow databases on a real server are dropped again.
          const leftOver = (await shadowDatabases()).filter(
            (name) => name.startsWith("prisma_migrate_shadow_db_") && !databasesBefore.includes(name),
          );
          expect(leftOver).toEqual([]);
        }
      } finally {
        await shadow?.stop();
        await project.remove();
      }
    },
    TIMEOUT,
  );

  it(
    "applies every migration with `migrate deploy`, recording the native engine's checksums",
    async () => {
      const project = await createProject();
      try {
        // A function body has semicolons of its own: the script must reach PostgreSQL whole.
        await project.addMigration(
          "function_body",
          "CREATE FUNCTION engine_probe_touch() RETURNS trigger LANGUAGE plpgsql AS $$\n" +
            "BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$;\n",
        );

        await withDatabase(async (database) => {
          const env = { DATABASE_URL: database.url };
          const output = await prisma(project.dir, ["migrate", "deploy"], env);
          expect(output).toContain("All migrations have been successfully applied.");

          expect(await tablesIn(database.url)).toEqual(
            expect.arrayContaining([...(await migratedTables(project.migrationsDir)), "_prisma_migrations"]),
          );
          const functions = await query(database.url, "SELECT 1 FROM pg_proc WHERE proname = 'engine_probe_touch'");
          expect(functions).toHaveLength(1);

          const names = await migrationNames(project.migrationsDir);
          const expected = await Promise.all(
            names.map(async (name) => ({
              migration_name: name,
              checksum: createHash("sha256")
                .update(await readFile(path.join(project.migrationsDir, name, "migration.sql")))
                .digest("hex"),
              finished: true,
              rolled_back: false,
            })),
          );
          const applied = await query(
            database.url,
            `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
             FROM _prisma_migrations ORDER BY migration_name`,
          );
          expect(applied).toEqual(expected);

          expect(await prisma(project.dir, ["migrate", "status"], env)).toContain("Database schema is up to date!");
        });
      } finally {
        await project.remove();
      }
    },
    TIMEOUT,
  );

  it(
    "empties the database and applies the migrations again with `migrate reset`",
    async () => {
      const project = await createProject();
      try {
        await project.addMigration("probe_table", 'CREATE TABLE "engine_probe" ("label" TEXT NOT NULL);\n');
        await withDatabase(async (database) => {
          const env = { DATABASE_URL: database.url };
          await prisma(project.dir, ["migrate", "deploy"], env);
          await query(database.url, "INSERT INTO engine_probe (label) VALUES ('kept?'); CREATE TABLE stray (id int)");

          await prisma(project.dir, ["migrate", "reset", "--force"], env);

          expect(await query(database.url, "SELECT label FROM engine_probe")).toEqual([]);
          const tables = await tablesIn(database.url);
          expect(tables).toEqual(expect.arrayContaining(await migratedTables(project.migrationsDir)));
          expect(tables).not.toContain("stray");
          const applied = await query(database.url, "SELECT migration_name FROM _prisma_migrations");
          expect(applied).toHaveLength((await migrationNames(project.migrationsDir)).length);
          expect(await prisma(project.dir, ["migrate", "status"], env)).toContain("Database schema is up to date!");
        });
      } finally {
        await project.remove();
      }
    },
    TIMEOUT,
  );
});
