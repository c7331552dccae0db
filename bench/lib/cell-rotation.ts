// The cells the write benchmarks set. Each write takes the next cell of a large pool and flips it between two levels,
// so every write changes something (setting a cell to the level it has is a no-op the app answers without writing)
// and carries the version the writer last saw, as a browser does. The pool is many times larger than the number of
// writers, so no two writes race for a cell, and a conflict (409) would show a real problem, not the benchmark's.
import type { TAssignment, TRaciLevel } from "@/lib/domain/model";

export type TCellWrite = {
  index: number;
  teamId: string;
  dutyId: string;
  slotId: string;
  level: TRaciLevel;
  /** The version the cell has now, as last seen. */
  version: number;
};

type TCell = Omit<TCellWrite, "index">;

const flip = (level: TRaciLevel): TRaciLevel => (level === "consulted" ? "informed" : "consulted");

export class CellRotation {
  private readonly cells: TCell[];
  private cursor = 0;
  private readonly inFlight = new Set<number>();
  private readonly retired = new Set<number>();

  constructor(assignments: readonly TAssignment[], size: number) {
    // Every k-th assignment, so the cells spread over all teams rather than crowding the first ones.
    const step = Math.max(1, Math.floor(assignments.length / size));
    this.cells = [];
    for (let index = 0; index < assignments.length && this.cells.length < size; index += step) {
      const { teamId, dutyId, slotId, level, version } = assignments[index]!;
      this.cells.push({ teamId, dutyId, slotId, level, version });
    }
    if (this.cells.length === 0) throw new Error("The organisation has no assignments to write to.");
  }

  get size(): number {
    return this.cells.length;
  }

  /** The next write: the next cell, set to the other level, at the version last seen. */
  next(): TCellWrite {
    if (this.retired.size >= this.cells.length) throw new Error("Every cell of the rotation was retired.");
    let index: number;
    do index = this.cursor++ % this.cells.length;
    while (this.retired.has(index));
    this.inFlight.add(index);
    const cell = this.cells[index]!;
    return { index, ...cell, level: flip(cell.level) };
  }

  /** A cell to model a write on, without writing it. */
  sample(): TCellWrite {
    const cell = this.cells[0]!;
    return { index: 0, ...cell };
  }

  /** Records the cell as the server now has it (after a success, or from a conflict's answer). */
  settle(index: number, cell: { level: TRaciLevel | null; version: number } | undefined): void {
    this.inFlight.delete(index);
    const current = this.cells[index];
    if (!current || !cell || cell.level === null) return;
    current.level = cell.level;
    current.version = cell.version;
  }

  /**
   * Stops using the cells whose writes were sent but never answered (a load tool cuts its last requests off when
   * its time is up): whether they landed is unknown, so their next write could conflict.
   */
  retireInFlight(): void {
    for (const index of this.inFlight) this.retired.add(index);
    this.inFlight.clear();
  }
}

/** The body of PUT /api/v1/orgs/{slug}/teams/{teamId}/assignments for a write. */
export function assignmentBody(write: TCellWrite): string {
  return JSON.stringify({ dutyId: write.dutyId, slotId: write.slotId, level: write.level, version: write.version });
}
