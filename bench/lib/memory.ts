// Resident memory of a server process and its children, read from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

export type TMemory = { rssMiB: number; peakRssMiB: number };

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : 0;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses; the parent pid follows its closing ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

/** RSS now and at its peak (VmHWM), summed over `pid` and all its descendants, in MiB. */
export function processTreeMemory(pid: number): TMemory {
  const pids = [pid];
  for (let index = 0; index < pids.length; index++) pids.push(...childrenOf(pids[index]!));
  let rssKiB = 0;
  let peakKiB = 0;
  for (const member of pids) {
    try {
      rssKiB += statusField(member, "VmRSS");
      peakKiB += statusField(member, "VmHWM");
    } catch {
      // the process ended meanwhile
    }
  }
  return { rssMiB: Math.round(rssKiB / 102.4) / 10, peakRssMiB: Math.round(peakKiB / 102.4) / 10 };
}
