// Reading processes from /proc (Linux): the benchmarks measure the servers they start from outside.
import { readdirSync, readFileSync } from "node:fs";

/** Every process id on the machine now. */
export function allProcessIds(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/**
 * The fields of /proc/<pid>/stat after the command name: [0] is the state, [1] the parent's pid, [11] and [12] the
 * user and system CPU time in clock ticks. The command name may hold spaces and parentheses, so the fields are
 * counted from its closing ")".
 */
export function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** `pid` and all its descendants alive now. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const id of allProcessIds()) {
    try {
      parents.set(id, Number(statFields(id)[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    for (const [child, parent] of parents) if (parent === tree[index]) tree.push(child);
  }
  return tree;
}
