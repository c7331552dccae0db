// What the figures were measured on: the machine, the versions of everything in the path, the commit.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./paths";

function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version?: string;
    };
    return manifest.version ?? "unknown";
  } catch {
    return "not installed";
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** The 1, 5 and 15 minute load averages: above the number of CPUs, something else competes for them. */
export function loadAverage(): number[] {
  return os.loadavg().map((load) => Math.round(load * 100) / 100);
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    host: os.hostname(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: loadAverage(),
  };
}

export async function describeVersions(serverUrl: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let postgres = "unknown";
  try {
    postgres = String((await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version);
  } finally {
    await client.end();
  }
  const status = git(["status", "--porcelain"]);
  return {
    node: process.version,
    next: packageVersion("next"),
    react: packageVersion("react"),
    prisma: packageVersion("@prisma/client"),
    pg: packageVersion("pg"),
    postgres,
    autocannon: packageVersion("autocannon"),
    playwright: packageVersion("@playwright/test"),
    commit: git(["rev-parse", "--short", "HEAD"]),
    hasUncommittedChanges: status === null ? null : status.length > 0,
  };
}
