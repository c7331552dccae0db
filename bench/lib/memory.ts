// Resident memory of a server process and its children, read from /proc (Linux).
import { readFileSync } from "node:fs";
import { processTree } from "./proc";

export type TMemory = { rssMiB: number; peakRssMiB: number };

function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : 0;
}

const mib = (kib: number) => Math.round(kib / 102.4) / 10;

/** RSS now and at its peak (VmHWM), summed over `pid` and all its descendants, in MiB. */
export function processTreeMemory(pid: number): TMemory {
  let rssKiB = 0;
  let peakKiB = 0;
  for (const member of processTree(pid)) {
    try {
      rssKiB += statusKiB(member, "VmRSS");
      peakKiB += statusKiB(member, "VmHWM");
    } catch {
      // the process ended meanwhile
    }
  }
  return { rssMiB: mib(rssKiB), peakRssMiB: mib(peakKiB) };
}
