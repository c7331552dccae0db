import "server-only";
import { documentToMap, type TCreateId } from "@/lib/domain/map-document";
import type { TAssignment, TDuty, TPerson, TRemitMap, TSlot, TTeam } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { createId } from "./create-id";
import type { TMapDocument } from "@/lib/domain/map-format";
import { insertRows, updateRows, type TInsertColumn } from "./insert-rows";
import { loadMapIn } from "./load-map";
import { applyRuleChanges, listRuleSettings, renameExemptTeams } from "@/lib/domain/rules";
import { readRules } from "./read-rules";
import { writeRules } from "./write-rules";

// Cells whose ids one query looks up (each is two array elements).
const CELLS_PER_LOOKUP = 10_000;

export type TMapCounts = { duties: number; people: number; teams: number; slots: number; assignments: number };

type TWithOrganization<T> = T & { organizationId: string };

const ORGANIZATION_ID = { column: "organization_id", field: "organizationId", type: "text" } as const;

const DUTY_COLUMNS: TInsertColumn<TWithOrganization<TDuty>>[] = [
  { column: "id", field: "id", type: "text" },
  ORGANIZATION_ID,
  { column: "key", field: "key", type: "text" },
  { column: "name", field: "name", type: "text" },
  { column: "description", field: "description", type: "text" },
  { column: "required", field: "required", type: "boolean" },
  { column: "order", field: "order", type: "integer" },
];
const PERSON_COLUMNS: TInsertColumn<TWithOrganization<TPerson>>[] = [
  { column: "id", field: "id", type: "text" },
  ORGANIZATION_ID,
  { column: "key", field: "key", type: "text" },
  { column: "name", field: "name", type: "text" },
  { column: "email", field: "email", type: "text" },
  { column: "capacity", field: "capacity", type: "double precision" },
];
const TEAM_COLUMNS: TInsertColumn<TWithOrganization<TTeam>>[] = [
  { column: "id", field: "id", type: "text" },
  ORGANIZATION_ID,
  { column: "key", field: "key", type: "text" },
  { column: "name", field: "name", type: "text" },
  { column: "description", field: "description", type: "text" },
  { column: "group", field: "group", type: "text" },
];
const SLOT_COLUMNS: TInsertColumn<TWithOrganization<TSlot>>[] = [
  { column: "id", field: "id", type: "text" },
  ORGANIZATION_ID,
  { column: "team_id", field: "teamId", type: "text" },
  { column: "key", field: "key", type: "text" },
  { column: "role", field: "role", type: "text" },
  { column: "title", field: "title", type: "text" },
  { column: "holder_id", field: "holderId", type: "text" },
  { column: "holder_until", field: "holderUntil", type: "timestamptz" },
  { column: "next_holder_id", field: "nextHolderId", type: "text" },
  { column: "next_holder_from", field: "nextHolderFrom", type: "timestamptz" },
  { column: "allocation", field: "allocation", type: "double precision" },
  { column: "order", field: "order", type: "integer" },
];
const ASSIGNMENT_COLUMNS: TInsertColumn<TWithOrganization<TAssignment & { id: string }>>[] = [
  { column: "id", field: "id", type: "text" },
  ORGANIZATION_ID,
  { column: "team_id", field: "teamId", type: "text" },
  { column: "duty_id", field: "dutyId", type: "text" },
  { column: "slot_id", field: "slotId", type: "text" },
  { column: "level", field: "level", type: '"RaciLevel"' },
  { column: "version", field: "version", type: "integer" },
];

/**
 * Takes the organisation's row lock, the first lock of every map write that reads the map to write it: taken before
 * any row of the map, so that writes wait for each other instead of deadlocking (the journal's triggers want the
 * organisation's row after a row changed). `update` (an import, a publish, an undo, a restore: they read much of the
 * map and write it back) waits for every other such write and makes them wait; `share` (a cell write, an
 * apply-split: they only fill or compare-and-set cells) lets others of its kind run at once, but not beside an
 * `update`.
 */
export async function lockOrganization(
  tx: Prisma.TransactionClient,
  organizationId: string,
  mode: "update" | "share",
): Promise<void> {
  if (mode === "update") await tx.$queryRaw`SELECT id FROM organization WHERE id = ${organizationId} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM organization WHERE id = ${organizationId} FOR SHARE`;
}

/** Locks the organisation's map against every other map write (they wait; see lockOrganization), then reads it. */
export async function lockMap(tx: Prisma.TransactionClient, organizationId: string): Promise<TRemitMap> {
  await lockOrganization(tx, organizationId, "update");
  return loadMapIn(tx, organizationId);
}

/**
 * Replaces the organisation's teams, people, slots, duties and assignments with those of a document that
 * `validateMapDocument` accepted. Run it inside a transaction. Only what differs is written: rows the document
 * lacks are deleted, new ones inserted in bulk (see `insertRows`), changed ones updated in bulk, and equal ones left
 * alone, so that the journal records exactly what an import (or a published draft) changed.
 *
 * What keeps its key keeps its id (a team, person or duty by key; a slot by team key and slot key; a cell by its
 * slot and duty), so links and open editors stay valid across a re-import. A cell keeps its version when its level
 * is unchanged and gets the next one when it changed, so an editor holding an older version is told (see
 * `setAssignment`).
 *
 * The rules a document lists take its settings; the others keep theirs, except that a team the document removes is
 * no longer exempt from any rule. A document without `rules` changes none otherwise.
 */
export async function replaceMap(
  tx: Prisma.TransactionClient,
  {
    organizationId,
    document,
    current: given,
  }: {
    organizationId: string;
    document: TMapDocument;
    /**
     * The map as `lockMap` read it, when the caller made `document` from it (a publish, an import with If-Match): a
     * second read could hold what others committed in between, which the document lacks and would delete.
     */
    current?: TRemitMap;
  },
): Promise<TMapCounts> {
  const current = given ?? (await lockMap(tx, organizationId));

  const teamKeys = new Map(current.teams.map((team) => [team.id, team.key]));
  const existingIds = new Map<string, string>([
    ...current.teams.map((team) => [`team ${team.key}`, team.id] as const),
    ...current.people.map((person) => [`person ${person.key}`, person.id] as const),
    ...current.duties.map((duty) => [`duty ${duty.key}`, duty.id] as const),
    ...current.slots.map((slot) => [`slot ${teamKeys.get(slot.teamId)} ${slot.key}`, slot.id] as const),
  ]);
  const idFor: TCreateId = (kind, { key, teamKey }) =>
    existingIds.get(kind === "slot" ? `slot ${teamKey} ${key}` : `${kind} ${key}`) ?? createId();
  // The map is made and turned into rows to write in one go, so that only the rows are held while they are written
  // (at 5,000 teams, each copy of the map's 336k rows is about 100 MB).
  const { changes, counts } = await mapChanges(tx, documentToMap(document, idFor), current, organizationId);

  // Children before parents for deletes (cascades would do it, but explicit deletes say what went).
  const remove = (table: string, ids: readonly string[]) =>
    ids.length > 0 ? tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE id = ANY(${[...ids]})` : 0;
  await remove("assignment", changes.assignment.removed);
  await remove("slot", changes.slot.removed);
  await remove("team", changes.team.removed);
  await remove("duty", changes.duty.removed);
  await remove("person", changes.person.removed);
  // Two people trading emails would collide half-way: clear the emails that change first.
  const emailsBefore = new Map(current.people.map((person) => [person.id, person.email]));
  const emailChanged = changes.person.changed.filter((person) => emailsBefore.get(person.id) !== person.email);
  if (emailChanged.length > 0) {
    await tx.$executeRaw`UPDATE person SET email = NULL WHERE id = ANY(${emailChanged.map((person) => person.id)})`;
  }
  // Parents before children for inserts and updates.
  await writeRows(tx, "person", PERSON_COLUMNS, changes.person);
  await writeRows(tx, "duty", DUTY_COLUMNS, changes.duty);
  await writeRows(tx, "team", TEAM_COLUMNS, changes.team);
  await writeRows(tx, "slot", SLOT_COLUMNS, changes.slot);
  await writeRows(tx, "assignment", ASSIGNMENT_COLUMNS, changes.assignment);

  const keptTeams = new Set(document.teams.map((team) => team.key));
  const removedTeams = new Set(current.teams.filter((team) => !keptTeams.has(team.key)).map((team) => team.key));
  if (document.rules || removedTeams.size > 0) {
    const rulesBefore = await readRules(tx, organizationId);
    const listed = applyRuleChanges(rulesBefore, document.rules ?? []);
    const next = applyRuleChanges(listed, renameExemptTeams(listed, { removed: removedTeams }));
    await writeRules(tx, organizationId, rulesBefore, listRuleSettings(next));
  }

  return counts;
}

/** What turns `current` into `map`, as rows of the organisation to delete, insert and update. */
async function mapChanges(tx: Prisma.TransactionClient, map: TRemitMap, current: TRemitMap, organizationId: string) {
  const changes = {
    person: rowChanges(current.people, map.people, organizationId),
    duty: rowChanges(current.duties, map.duties, organizationId),
    team: rowChanges(current.teams, map.teams, organizationId),
    slot: rowChanges(current.slots, map.slots, organizationId),
    assignment: await cellChanges(tx, current.assignments, map.assignments, organizationId),
  };
  return { changes, counts: countsOf(map) };
}

type TCellRow = TWithOrganization<TAssignment & { id: string }>;

/**
 * What turns the cells `before` into `after`, matched by slot and duty. Only the cells that change are made into rows,
 * and only those that were there are looked up for their ids, so that a publish of a few cells in a large map reads
 * and writes a few rows.
 */
async function cellChanges(
  tx: Prisma.TransactionClient,
  before: readonly TAssignment[],
  after: readonly TAssignment[],
  organizationId: string,
): Promise<TRowChanges<TCellRow>> {
  const cellKey = (cell: { dutyId: string; slotId: string }) => `${cell.dutyId} ${cell.slotId}`;
  const gone = new Map(before.map((cell) => [cellKey(cell), cell]));
  const added: TCellRow[] = [];
  const changed: Omit<TCellRow, "id">[] = [];
  for (const cell of after) {
    const key = cellKey(cell);
    const previous = gone.get(key);
    gone.delete(key);
    if (!previous) added.push({ ...cell, version: 1, id: createId(), organizationId });
    else if (previous.level !== cell.level || previous.teamId !== cell.teamId) {
      const version = previous.level === cell.level ? previous.version : previous.version + 1;
      changed.push({ ...cell, version, organizationId });
    }
  }
  const existing = [...changed, ...gone.values()];
  const ids = new Map<string, string>();
  for (let start = 0; start < existing.length; start += CELLS_PER_LOOKUP) {
    const chunk = existing.slice(start, start + CELLS_PER_LOOKUP);
    const rows = await tx.$queryRaw<{ id: string; duty_id: string; slot_id: string }[]>`
      SELECT a.id, a.duty_id, a.slot_id FROM assignment a
      JOIN UNNEST(${chunk.map((cell) => cell.slotId)}::text[], ${chunk.map((cell) => cell.dutyId)}::text[])
        AS c(slot_id, duty_id) ON a.slot_id = c.slot_id AND a.duty_id = c.duty_id
      WHERE a.organization_id = ${organizationId}`;
    for (const row of rows) ids.set(cellKey({ dutyId: row.duty_id, slotId: row.slot_id }), row.id);
  }
  const idOf = (cell: { dutyId: string; slotId: string }) => ids.get(cellKey(cell))!;
  return {
    added,
    changed: changed.map((cell) => ({ ...cell, id: idOf(cell) })),
    removed: [...gone.values()].map(idOf),
  };
}

type TRowChanges<TRow> = { added: TRow[]; changed: TRow[]; removed: string[] };

/**
 * What turns `before` into `after`, rows matched by id and compared field by field (of `before`'s fields); only the
 * rows to write are made into rows of the organisation.
 */
function rowChanges<TRow extends { id: string }>(
  before: readonly TRow[],
  after: readonly TRow[],
  organizationId: string,
): TRowChanges<TWithOrganization<TRow>> {
  const old = new Map(before.map((row) => [row.id, row]));
  const kept = new Set<string>();
  const added: TWithOrganization<TRow>[] = [];
  const changed: TWithOrganization<TRow>[] = [];
  for (const row of after) {
    const previous = old.get(row.id);
    kept.add(row.id);
    if (!previous) added.push({ ...row, organizationId });
    else if (Object.keys(previous).some((field) => previous[field as keyof TRow] !== row[field as keyof TRow])) {
      changed.push({ ...row, organizationId });
    }
  }
  return { added, changed, removed: [...old.keys()].filter((id) => !kept.has(id)) };
}

async function writeRows<TRow>(
  tx: Prisma.TransactionClient,
  table: string,
  columns: readonly TInsertColumn<TRow>[],
  { added, changed }: TRowChanges<TRow>,
): Promise<void> {
  await insertRows(tx, table, columns, added);
  await updateRows(tx, table, columns, changed);
}

function countsOf(map: TRemitMap): TMapCounts {
  return {
    duties: map.duties.length,
    people: map.people.length,
    teams: map.teams.length,
    slots: map.slots.length,
    assignments: map.assignments.length,
  };
}
