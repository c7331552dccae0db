#!/usr/bin/env node
// A stand-in for Prisma's native schema engine binary, which Prisma's CLI would otherwise download. It runs the
// same engine compiled to WebAssembly (@prisma/schema-engine-wasm) over node-postgres and speaks the native
// binary's command-line interface. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The CLI calls it as:
//   schema-engine --version
//   schema-engine --datasource <json> cli can-connect-to-database|create-database
//   schema-engine [--datamodels <path>]... --datasource <json>      (JSON-RPC 2.0, one message a line, on stdin/stdout)
// where <json> is prisma.config.ts's datasource: { url, shadowDatabaseUrl? }. PostgreSQL only.
import { readFile } from "node:fs/promises";
import readline from "node:readline";
import { parseArgs } from "node:util";
import {
  createAdapterFactory,
  lastPanicMessage,
  loadSchemaEngine,
  runOnServer,
  withDatabase,
} from "./lib/wasm-schema-engine.mjs";

const { values: options, positionals } = parseArgs({
  options: {
    version: { type: "boolean" },
    datamodels: { type: "string", multiple: true, default: [] },
    datasource: { type: "string" },
    // Passed by the CLI when configured; the WebAssembly engine takes neither.
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
  allowPositionals: true,
});

if (options.version) {
  const SchemaEngine = await loadSchemaEngine();
  process.stdout.write(`schema-engine-cli ${SchemaEngine.version()} (WebAssembly)\n`);
  process.exit(0);
}

const datasource = JSON.parse(options.datasource ?? "{}");
if (positionals[0] === "cli") {
  await runCliCommand(positionals[1]);
} else {
  serveJsonRpc();
}

// ---------------------------------------------------------------------------------------------------------------
// `cli` subcommands. Success is exit code 0. On failure the CLI skips the first line of stderr and reads the rest as
// the native engine's JSON log lines, taking the ERROR entry's error_code and message (P1003 makes it create the
// database).

async function runCliCommand(command) {
  try {
    if (command === "can-connect-to-database") {
      const error = await connectionError(datasource.url);
      if (error) throw error;
    } else if (command === "create-database") {
      await createDatabase(datasource.url);
    } else {
      throw new Error(`Unsupported schema engine command: cli ${command}`);
    }
    process.exit(0);
  } catch (error) {
    const log = (level, fields) => JSON.stringify({ level, fields, target: "schema_engine::logger" });
    process.stderr.write(`${log("INFO", { message: "Starting schema engine CLI" })}\n`);
    const fields = { is_panic: false, error_code: prismaErrorCode(error), message: error.message };
    process.stderr.write(`${log("ERROR", fields)}\n`);
    process.exit(1);
  }
}

/**
 * Connects to `url`; returns nothing when that works, else an error with the native engine's code and message.
 * The WebAssembly engine reports the same conditions without their codes.
 */
async function connectionError(url) {
  const { hostname, port, username, pathname } = new URL(url);
  const server = `${hostname}:${port || 5432}`;
  const database = decodeURIComponent(pathname.slice(1)) || "postgres";
  try {
    await runOnServer(url, "SELECT 1");
    return undefined;
  } catch (error) {
    const coded = (code, message) => Object.assign(new Error(message), { code });
    switch (error.code) {
      case "3D000":
        return coded("P1003", `Database \`${database}\` does not exist on the database server at \`${server}\`.`);
      case "28P01":
        return coded(
          "P1000",
          `Authentication failed against database server, the provided database credentials for \`${username}\` ` +
            `are not valid.\n\nPlease make sure to provide valid database credentials for the database server at ` +
            `\`${server}\`.`,
        );
      case "28000":
        return coded("P1010", `User \`${username}\` was denied access on the database \`${database}\``);
      case "ECONNREFUSED":
      case "ECONNRESET":
      case "ENOTFOUND":
      case "EAI_AGAIN":
      case "ETIMEDOUT":
      case "EHOSTUNREACH":
        return coded(
          "P1001",
          `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
        );
      default:
        return error;
    }
  }
}

/** Creates the database `url` names, connected to the server's `postgres` database as the native engine does. */
async function createDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await runOnServer(withDatabase(url, "postgres"), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-RPC mode: requests are answered one at a time, in order.

function serveJsonRpc() {
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const { factory, settle } = createAdapterFactory(datasource);
  let engine;
  let queue = Promise.resolve();
  let printId = 0;

  // Methods the CLI calls by another name, or that need help from us.
  const methods = {
    getDatabaseVersion: (params) => call("version", params),
    evaluateDataLoss: (params) => withMigrationsSchema("evaluateDataLoss", params),
    createMigration: (params) => withMigrationsSchema("createMigration", params),
    // The native engine prints diff output itself, through a `print` request to the CLI.
    async diff(params) {
      const { stdout, ...result } = await call("diff", params);
      if (stdout) send({ id: `print-${++printId}`, method: "print", params: { content: stdout.replace(/\n$/, "") } });
      return result;
    },
  };

  // evaluateDataLoss and createMigration need the schema the migrations produce. The native engine builds it in a
  // shadow database; the WebAssembly engine only reads it from a cache that diagnoseMigrationHistory fills (for the
  // applied migrations, which `migrate dev` has applied by then). When it is missing, fill it and try again.
  async function withMigrationsSchema(method, params) {
    try {
      return await call(method, params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(error?.message)) throw error;
      const { migrationsList, filters } = params;
      await call("diagnoseMigrationHistory", { migrationsList, filters, optInToShadowDatabase: true });
      return call(method, params);
    }
  }

  async function call(method, params) {
    engine ??= startEngine();
    const instance = await engine;
    if (typeof instance[method] !== "function") throw new Error(`Unsupported schema engine method: ${method}`);
    try {
      return await instance[method](params);
    } catch (error) {
      // The engine reports errors thrown by our own code (connecting to a shadow database, ...) by an id only.
      const id = /External error id#(\d+)/.exec(error?.message)?.[1];
      const original = id && factory.errorRegistry.consumeError(Number(id))?.error;
      if (original) error.message = error.message.replace(`External error id#${id}`, original.message);
      throw error;
    } finally {
      await settle();
    }
  }

  async function startEngine() {
    const SchemaEngine = await loadSchemaEngine();
    const datamodels = await Promise.all(options.datamodels.map(async (path) => [path, await readFile(path, "utf8")]));
    // The engine connects right away; its connection errors lack the native engine's codes, so look those up.
    return SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, logEngine, factory).catch(
      async (error) => {
        const coded = await connectionError(datasource.url);
        throw prismaErrorCode(coded) ? coded : error;
      },
    );
  }

  let current;
  async function handle({ id, method, params }) {
    current = id;
    try {
      const result = await (methods[method] ?? ((input) => call(method, input)))(params);
      send({ id, result: result ?? {} });
    } catch (error) {
      send({ id, error: toRpcError(error) });
    }
    current = undefined;
  }

  // A panic traps inside one of the engine's callbacks rather than rejecting its promise, and leaves the engine
  // unusable: answer the request it was working on and exit as the native engine does (101).
  process.on("uncaughtException", (error) => {
    if (current !== undefined) send({ id: current, error: toRpcError(error) });
    else process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(error instanceof WebAssembly.RuntimeError ? 101 : 1);
  });

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (!message.method) return; // the CLI's acknowledgement of a `print` request
    queue = queue.then(() => handle(message));
  });
  // The engine keeps timers running, so exit explicitly once the CLI is done with us.
  lines.on("close", () => queue.then(() => process.exit(0)));
}

/** The engine's log lines are JSON already; the CLI keeps their messages for its reports of crashes. */
function logEngine(line) {
  process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
}

/**
 * Errors in the native engine's shape, which the CLI turns into its usual messages: user-facing errors carry a
 * Prisma error code (P3006, ...), a WebAssembly trap is a panic.
 */
function toRpcError(error) {
  const message = "An error happened. Check the data field for details.";
  if (error instanceof WebAssembly.RuntimeError) {
    const panic = lastPanicMessage() || error.message;
    return { code: 4466, message, data: { is_panic: true, message: panic, error: { message: panic } } };
  }
  return {
    code: 4466,
    message,
    data: { is_panic: false, message: error?.message ?? String(error), meta: {}, error_code: prismaErrorCode(error) },
  };
}

/** The error's Prisma error code (P1001, ...), if it has one rather than, say, a PostgreSQL SQLSTATE. */
function prismaErrorCode(error) {
  return typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
}
