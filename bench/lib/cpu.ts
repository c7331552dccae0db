// CPU time spent by processes, read from /proc (Linux): the app server, and the PostgreSQL backends serving one
// database, so that a write's cost can be split between the app, the database and the client driving the load.
import { readFileSync } from "node:fs";
import { allProcessIds, processTree, statFields } from "./proc";

// /proc reports CPU time in clock ticks; Linux uses 100 per second on every common platform.
const TICKS_PER_SECOND = 100;

function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds used so far by `pid` and its descendants (children that already exited are not counted). */
export function processTreeCpuSeconds(pid: number): number {
  let seconds = 0;
  for (const member of processTree(pid)) {
    try {
      seconds += cpuSeconds(member);
    } catch {
      // the process ended meanwhile
    }
  }
  return seconds;
}

export type TBackendsCpu = Map<number, number>;

/**
 * CPU seconds used so far by each PostgreSQL backend connected to `database` on this machine, found by their
 * process titles ("postgres: … <user> <database> <address> …").
 */
export function databaseBackendsCpu(database: string): TBackendsCpu {
  const backends: TBackendsCpu = new Map();
  for (const pid of allProcessIds()) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!title.startsWith("postgres:") || !title.split(" ").includes(database)) continue;
      backends.set(pid, cpuSeconds(pid));
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return backends;
}

/**
 * CPU seconds the backends used between two readings. Backends that closed in between (pools close idle
 * connections) are left out, so this can undercount, never go negative.
 */
export function backendsCpuSecondsBetween(before: TBackendsCpu, after: TBackendsCpu): number {
  let seconds = 0;
  for (const [pid, used] of after) seconds += used - (before.get(pid) ?? 0);
  return seconds;
}

/** CPU seconds used so far by this process. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
