// CPU time spent by processes, read from /proc (Linux): the app server, and the PostgreSQL backends serving one
// database, so that a write's cost can be split between the app, the database and the client driving the load.
import { readdirSync, readFileSync } from "node:fs";

// /proc reports CPU time in clock ticks; Linux uses 100 per second on every common platform.
const TICKS_PER_SECOND = 100;

function processCpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
  return Number(fields[11]) + Number(fields[12]);
}

function numericEntries(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** CPU seconds used so far by `pid` and its descendants (children that already exited are not counted). */
export function processTreeCpuSeconds(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of numericEntries()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(entry, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // ended meanwhile
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    for (const [child, parent] of parents) if (parent === tree[index]) tree.push(child);
  }
  let ticks = 0;
  for (const member of tree) {
    try {
      ticks += processCpuTicks(member);
    } catch {
      // ended meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

export type TBackendsCpu = Map<number, number>;

/**
 * CPU seconds used so far by each PostgreSQL backend connected to `database` on this machine, found by their
 * process titles ("postgres: … <user> <database> <address> …").
 */
export function databaseBackendsCpu(database: string): TBackendsCpu {
  const backends: TBackendsCpu = new Map();
  for (const pid of numericEntries()) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!title.startsWith("postgres:") || !title.split(" ").includes(database)) continue;
      backends.set(pid, processCpuTicks(pid) / TICKS_PER_SECOND);
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
