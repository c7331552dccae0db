// Journal checkpoints: the map's rows as they were at a moment, kept so that time travel rewinds only the entries
// between the moment asked for and the checkpoint after it, not every entry since (docs/journal-and-time-travel.md).
import {
  byEntity,
  emptyMapRows,
  JOURNAL_ENTITIES,
  type TJournalEntity,
  type TJournalEntry,
  type TJournalRow,
  type TMapRows,
} from "./journal";

/** What rewinding needs of an entry (the team, for a cell, says which part of a checkpoint it belongs to). */
export type TRewindEntry = Pick<TJournalEntry, "seq" | "entity" | "entityId" | "teamId" | "before">;

/** A row's first change after the moment: its seq, and its team (for a cell). */
export type TFirstChange = { seq: number; teamId: string | null };

/**
 * The rows as they were at a moment, and for every row changed since, its first change after the moment. A row's
 * state at a moment is the `before` of its first change after it (the row as it is now when there is none), so
 * knowing that first change lets entries be rewound in any order, and a checkpoint be rewound further exactly as a
 * full rewind would, even where overlapping transactions left entries whose dates and seqs disagree.
 */
export type TRowsAt = { rows: TMapRows; firstChanges: Record<TJournalEntity, Map<string, TFirstChange>> };

function emptyFirstChanges(): TRowsAt["firstChanges"] {
  return byEntity(() => new Map());
}

/** The rows as they are now: nothing changed since. */
export function rowsAtNow(rows: TMapRows): TRowsAt {
  return { rows, firstChanges: emptyFirstChanges() };
}

/**
 * `state` rewound by `entries` (in any order): every row an entry changed goes back to the `before` of its earliest
 * change, unless `state` already holds an earlier one. Rewinding a state at T by the entries dated in (m, T] gives
 * the state at m, as rewinding today's rows by every entry after m does (`rewindRows`).
 */
export function rewindTo(state: TRowsAt, entries: readonly TRewindEntry[]): TRowsAt {
  const rows = emptyMapRows();
  const firstChanges = emptyFirstChanges();
  for (const entity of JOURNAL_ENTITIES) {
    rows[entity] = new Map(state.rows[entity]);
    firstChanges[entity] = new Map(state.firstChanges[entity]);
  }
  for (const entry of entries) {
    const known = firstChanges[entry.entity].get(entry.entityId);
    if (known !== undefined && known.seq <= entry.seq) continue;
    firstChanges[entry.entity].set(entry.entityId, { seq: entry.seq, teamId: entry.teamId });
    if (entry.before) rows[entry.entity].set(entry.entityId, entry.before);
    else rows[entry.entity].delete(entry.entityId);
  }
  return { rows, firstChanges };
}

/** The part of a checkpoint that holds everything but cells. */
export const BASE_PART = "";

/**
 * How many parts a checkpoint's cells are spread over, by team: one team's past reads one of them (a few hundred
 * cells at 1,000 teams), the whole map's all of them (fewer, larger parts decompress faster than one per team).
 */
export const CELL_PARTS = 64;

/** The part of a checkpoint that holds a team's cells. */
export function cellPartOf(teamId: string): string {
  let hash = 2166136261;
  for (let index = 0; index < teamId.length; index++) hash = Math.imul(hash ^ teamId.charCodeAt(index), 16777619);
  return String((hash >>> 0) % CELL_PARTS);
}

/**
 * One part of a checkpoint, as stored (JSON): the base part holds people, teams, slots and duties; the others cells
 * (of the teams whose cellPartOf it is). `changed` lists [id, seq, teamId] of the rows' first changes, deleted rows included.
 */
export type TCheckpointPart = {
  rows: Partial<Record<TJournalEntity, TJournalRow[]>>;
  changed: Partial<Record<TJournalEntity, [string, number, string | null][]>>;
};

/** A state cut into parts (BASE_PART, then the cells by cellPartOf), so that one team's past reads two of them. */
export function checkpointParts(state: TRowsAt): Map<string, TCheckpointPart> {
  const parts = new Map<string, TCheckpointPart>();
  const partOf = (key: string) => {
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { rows: {}, changed: {} }));
    return part;
  };
  partOf(BASE_PART);
  const keyOf = (entity: TJournalEntity, teamId: unknown) =>
    entity === "assignment" ? cellPartOf(String(teamId)) : BASE_PART;
  for (const entity of JOURNAL_ENTITIES) {
    for (const row of state.rows[entity].values()) (partOf(keyOf(entity, row.team_id)).rows[entity] ??= []).push(row);
    for (const [id, change] of state.firstChanges[entity]) {
      const teamId = state.rows[entity].get(id)?.team_id ?? change.teamId;
      (partOf(keyOf(entity, teamId)).changed[entity] ??= []).push([id, change.seq, change.teamId]);
    }
  }
  return parts;
}

/** The state that `parts` (all of a checkpoint's, or some of them) describe. */
export function rowsAtFromParts(parts: readonly TCheckpointPart[]): TRowsAt {
  const state = rowsAtNow(emptyMapRows());
  for (const part of parts) {
    for (const entity of JOURNAL_ENTITIES) {
      for (const row of part.rows[entity] ?? []) state.rows[entity].set(row.id, row);
      for (const [id, seq, teamId] of part.changed[entity] ?? []) state.firstChanges[entity].set(id, { seq, teamId });
    }
  }
  return state;
}

/** The rows with only the cells of one team: a cell part holds other teams' too, which a team's read leaves as read. */
export function withCellsOf(rows: TMapRows, teamId: string): TMapRows {
  return { ...rows, assignment: new Map([...rows.assignment].filter(([, row]) => row.team_id === teamId)) };
}
