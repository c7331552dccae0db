// The map's journal as the domain sees it: what a user did (an action), and the row changes it made (entries),
// grouped so that one action reads and undoes as one. Entries are written by database triggers
// (prisma/migrations/*_journal); lib/server/journal reads them.
import type { TRaciLevel, TRemitMap } from "./model";

/** Every action that changes the map. A new write path adds its action here. */
export const JOURNAL_ACTIONS = [
  "organization.create",
  "person.create",
  "person.update",
  "person.delete",
  "team.create",
  "team.update",
  "team.delete",
  "team.apply-split",
  "team.raci-import",
  "team.restore",
  "slot.create",
  "slot.update",
  "slot.delete",
  "slot.term",
  "duty.create",
  "duty.update",
  "duty.delete",
  "assignment.set",
  "map.import",
  "journal.undo",
  "draft.create",
  "draft.plan",
  "draft.publish",
  "draft.publish-scheduled",
  "draft.publish-refused",
  "webhook.disable",
  "draft.submit",
  "draft.approve",
  "draft.request-changes",
  "draft.approval-withdrawn",
  "settings.update",
  "rules.update",
  "system.seed",
] as const;
export type TJournalAction = (typeof JOURNAL_ACTIONS)[number];

/** The journalled tables: the map's, and the organisation's rules (`rule`: one row per rule off its defaults). */
export const JOURNAL_ENTITIES = ["person", "team", "slot", "duty", "assignment", "rule"] as const;
export type TJournalEntity = (typeof JOURNAL_ENTITIES)[number];

/** A row of a map table as the journal keeps it: to_jsonb of the row without its timestamps (snake_case columns). */
export type TJournalRow = Record<string, unknown> & { id: string; organization_id: string };

export type TJournalActor = { kind: "user" | "token" | "system"; id: string | null; name: string };

/** One changed row. */
export type TJournalEntry = {
  /** Increasing: the order in which changes happened. */
  seq: number;
  groupId: string;
  at: string;
  actor: TJournalActor;
  action: TJournalAction;
  entity: TJournalEntity;
  entityId: string;
  /** The row's id, or "slotId:dutyId" for a cell. */
  entityKey: string;
  teamId: string | null;
  personIds: string[];
  refs: string[];
  before: TJournalRow | null;
  after: TJournalRow | null;
  undoesGroupId: string | null;
};

/** The map's rows, by table and id, as the journal keeps them: what point-in-time views rewind. */
export type TMapRows = Record<TJournalEntity, Map<string, TJournalRow>>;

/** One value per journalled table, each made by `make`. */
export function byEntity<T>(make: (entity: TJournalEntity) => T): Record<TJournalEntity, T> {
  return Object.fromEntries(JOURNAL_ENTITIES.map((entity) => [entity, make(entity)])) as Record<TJournalEntity, T>;
}

export function emptyMapRows(): TMapRows {
  return byEntity(() => new Map());
}

/** A copy of the rows that can be changed without changing them. */
export function copyMapRows(rows: TMapRows): TMapRows {
  return byEntity((entity) => new Map(rows[entity]));
}

/**
 * The rows as they were before `entries` happened: each entry, newest first, puts its row back as it was before
 * it (or removes it, when the entry created it). `entries` must be every change after the moment, in any order.
 */
export function rewindRows(
  rows: TMapRows,
  entries: readonly Pick<TJournalEntry, "seq" | "entity" | "entityId" | "before">[],
): TMapRows {
  const rewound = copyMapRows(rows);
  for (const entry of [...entries].sort((a, b) => b.seq - a.seq)) {
    const table = rewound[entry.entity];
    if (entry.before) table.set(entry.entityId, entry.before);
    else table.delete(entry.entityId);
  }
  return rewound;
}

/** The rows after `entries` happened: each entry, oldest first, puts its row as it was after it (or removes it). */
export function replayRows(
  rows: TMapRows,
  entries: readonly Pick<TJournalEntry, "seq" | "entity" | "entityId" | "after">[],
): TMapRows {
  const replayed = copyMapRows(rows);
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const table = replayed[entry.entity];
    if (entry.after) table.set(entry.entityId, entry.after);
    else table.delete(entry.entityId);
  }
  return replayed;
}

const text = (row: TJournalRow, column: string): string => String(row[column] ?? "");
const nullableText = (row: TJournalRow, column: string): string | null =>
  row[column] === null || row[column] === undefined ? null : String(row[column]);

/** A timestamp column (to_jsonb writes "2027-03-01T00:00:00+00:00") as ISO 8601 in UTC, as the map has it. */
const nullableMoment = (row: TJournalRow, column: string): string | null =>
  row[column] === null || row[column] === undefined ? null : new Date(String(row[column])).toISOString();

/** The domain's map from journal rows (snake_case columns, as to_jsonb gives them). */
export function mapFromRows(rows: TMapRows): TRemitMap {
  return {
    people: [...rows.person.values()].map((row) => ({
      id: row.id,
      key: text(row, "key"),
      name: text(row, "name"),
      email: nullableText(row, "email"),
      capacity: Number(row.capacity),
    })),
    teams: [...rows.team.values()].map((row) => ({
      id: row.id,
      key: text(row, "key"),
      name: text(row, "name"),
      description: nullableText(row, "description"),
      group: nullableText(row, "group"),
    })),
    slots: [...rows.slot.values()].map((row) => ({
      id: row.id,
      key: text(row, "key"),
      teamId: text(row, "team_id"),
      role: text(row, "role"),
      title: nullableText(row, "title"),
      holderId: nullableText(row, "holder_id"),
      holderUntil: nullableMoment(row, "holder_until"),
      nextHolderId: nullableText(row, "next_holder_id"),
      nextHolderFrom: nullableMoment(row, "next_holder_from"),
      allocation: Number(row.allocation),
      order: Number(row.order),
    })),
    duties: [...rows.duty.values()].map((row) => ({
      id: row.id,
      key: text(row, "key"),
      name: text(row, "name"),
      description: text(row, "description"),
      required: row.required === true,
      order: Number(row.order),
    })),
    assignments: [...rows.assignment.values()].map((row) => ({
      teamId: text(row, "team_id"),
      dutyId: text(row, "duty_id"),
      slotId: text(row, "slot_id"),
      level: text(row, "level") as TRaciLevel,
      version: Number(row.version),
    })),
  };
}

/** How an entry changed its row. */
export function entryOperation(entry: Pick<TJournalEntry, "before" | "after">): "create" | "update" | "delete" {
  return entry.before ? (entry.after ? "update" : "delete") : "create";
}

/** One entry as the API and the History page show it. */
export type TJournalEntryView = {
  seq: string;
  entity: TJournalEntity;
  entityId: string;
  operation: "create" | "update" | "delete";
  teamId: string | null;
  sentence: string;
  before: TJournalRow | null;
  after: TJournalRow | null;
};

/** One user action: its sentence, and its entries (the first JOURNAL_GROUP_ENTRY_LIMIT of those the filters match). */
export type TJournalGroupView = {
  groupId: string;
  at: string;
  actor: TJournalActor;
  action: TJournalAction;
  sentence: string;
  /** Every entry of the group, matching the filters or not. */
  entryCount: number;
  entries: TJournalEntryView[];
  /** On an undo: the group it undid. */
  undoesGroupId: string | null;
  /** When this group has been undone: by which group. */
  undoneBy: { groupId: string; at: string; actor: TJournalActor } | null;
};

export type TJournalPage = { groups: TJournalGroupView[]; nextCursor: string | null };

export const JOURNAL_GROUP_ENTRY_LIMIT = 50;

/** The years a moment may name: PostgreSQL's timestamps and the journal's ISO 8601 strings hold no others. */
export const MOMENT_YEARS = { from: 1970, to: 9999 } as const;

export const MOMENT_OUT_OF_RANGE = (field: string) =>
  `"${field}" must be a date and time from ${MOMENT_YEARS.from} to ${MOMENT_YEARS.to}, like 2026-11-28T14:30:00Z.`;

/** Whether a readable moment is in MOMENT_YEARS. */
export function isMomentInRange(moment: Date): boolean {
  const year = moment.getUTCFullYear();
  return year >= MOMENT_YEARS.from && year <= MOMENT_YEARS.to;
}

/** A `?at=` that reads as a date but names a year outside MOMENT_YEARS: the page refuses it (400), as the API does. */
export function isOutOfRangeMoment(value: string | null): boolean {
  if (value === null) return false;
  const moment = new Date(value);
  return !Number.isNaN(moment.getTime()) && !isMomentInRange(moment);
}

/**
 * `?at=` of a page that can show the map at another moment: a valid moment in range, past (the map as it was) or
 * future (as it is planned to be); anything else shows it now.
 */
export function viewMoment(value: string | string[] | undefined): Date | undefined {
  const moment = typeof value === "string" ? new Date(value) : null;
  return moment && !Number.isNaN(moment.getTime()) && isMomentInRange(moment) ? moment : undefined;
}

/** A row to put into a given state: `current` is the row as it is now (null if absent), `target` as it should be. */
export type TRowChange = { entity: TJournalEntity; current: TJournalRow | null; target: TJournalRow | null };

/** Whether two versions of a row are the same, whatever the order of their columns. */
export function sameRow(a: TJournalRow | null, b: TJournalRow | null): boolean {
  const canonical = (row: TJournalRow | null) =>
    row && JSON.stringify(Object.entries(row).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return canonical(a) === canonical(b);
}

/**
 * What undoing one group's `entries` (in order) takes: each row it touched back to before the group's first change
 * (`target`), from what the group left (`expected`; `current` is the caller's to fill in from the rows as they are);
 * and what later changes would stand in the way: any to the same rows (`keys`), any pointing at rows the undo
 * deletes (`removedIds`), and the deletion of any row that what the undo brings back points at (`parentIds`).
 */
export function planUndo(entries: readonly TJournalEntry[]): {
  changes: (TRowChange & { key: string; expected: TJournalRow | null })[];
  keys: string[];
  removedIds: string[];
  parentIds: string[];
  lastSeq: number;
} {
  const byKey = new Map<string, TJournalEntry[]>();
  for (const entry of entries) {
    const touched = byKey.get(entry.entityKey);
    if (touched) touched.push(entry);
    else byKey.set(entry.entityKey, [entry]);
  }
  const changes = [...byKey.entries()].map(([key, touched]) => ({
    key,
    entity: touched[0]!.entity,
    current: null,
    target: touched[0]!.before,
    expected: touched.at(-1)!.after,
  }));
  return {
    changes,
    keys: [...byKey.keys()],
    removedIds: changes.flatMap((change) => (!change.target && change.expected ? [change.expected.id] : [])),
    parentIds: [...new Set(entries.filter((entry) => entry.before).flatMap((entry) => entry.refs))],
    lastSeq: Math.max(...entries.map((entry) => entry.seq)),
  };
}

/**
 * What restoring a team to `then` changes in `now`: the team, its slots and its cells as they were, and the people
 * and duties they need that have been deleted since. Other teams, and people and duties that still exist, are left.
 */
export function planTeamRestore(now: TMapRows, then: TMapRows, teamId: string): TRowChange[] {
  const changes: TRowChange[] = [];
  const add = (entity: TJournalEntity, id: string) => {
    const current = now[entity].get(id) ?? null;
    const target = then[entity].get(id) ?? null;
    if (!sameRow(current, target)) changes.push({ entity, current, target });
  };
  add("team", teamId);
  const ofTeam = (rows: Map<string, TJournalRow>) =>
    [...rows.values()].filter((row) => row.team_id === teamId).map((row) => row.id);
  for (const id of new Set([...ofTeam(now.slot), ...ofTeam(then.slot)])) add("slot", id);
  for (const id of new Set([...ofTeam(now.assignment), ...ofTeam(then.assignment)])) add("assignment", id);
  for (const slot of then.slot.values()) {
    const holder = slot.team_id === teamId ? slot.holder_id : null;
    if (typeof holder === "string" && !now.person.has(holder)) add("person", holder);
  }
  for (const cell of then.assignment.values()) {
    if (cell.team_id === teamId && !now.duty.has(String(cell.duty_id))) add("duty", String(cell.duty_id));
  }
  return changes;
}
