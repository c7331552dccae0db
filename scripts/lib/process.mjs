// Small process helpers shared by the start, test and database scripts.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = path.join(ROOT, "node_modules", ".bin");

/** Runs a command from node_modules/.bin (or PATH) to completion; rejects when it fails. */
export function run(command, args, { env = process.env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...env, PATH: `${BIN}${path.delimiter}${env.PATH ?? ""}` },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          Object.assign(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})\n${output}`), {
            code,
          }),
        );
    });
  });
}

/** Starts a long-running command; the caller owns the child. */
export function start(command, args, { env = process.env } = {}) {
  return spawn(command, args, {
    cwd: ROOT,
    env: { ...env, PATH: `${BIN}${path.delimiter}${env.PATH ?? ""}` },
    stdio: "inherit",
  });
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Applies the migrations in prisma/migrations to the database that env.DATABASE_URL names. */
export function migrateDeploy(env) {
  return run("prisma", ["migrate", "deploy"], { env, quiet: true });
}

/** Runs a TypeScript file with the server-only guard satisfied, as the Next.js server would load it. */
export function runTypeScript(file, { env } = {}) {
  return run("tsx", ["--conditions=react-server", "--tsconfig", path.join(ROOT, "tsconfig.json"), file], { env });
}
