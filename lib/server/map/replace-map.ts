import "server-only";
import { documentToMap, type TCreateId } from "@/lib/domain/map-document";
import type { TAssignment, TDuty, TPerson, TRemitMap, TSlot, TTeam } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createId } from "@/lib/server/ids/create-id";
import type { TMapDocument } from "@/lib/validation/map";
import { insertRows, type TInsertColumn } from "./insert-rows";

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
];
const SLOT_COLUMNS: TInsertColumn<TWithOrganization<TSlot>>[] = [
  { column: "id", field: "id", type: "text" },
  ORGANIZATION_ID,
  { column: "team_id", field: "teamId", type: "text" },
  { column: "key", field: "key", type: "text" },
  { column: "role", field: "role", type: "text" },
  { column: "title", field: "title", type: "text" },
  { column: "holder_id", field: "holderId", type: "text" },
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
 * Replaces the organisation's teams, people, slots, duties and assignments with those of a document that
 * `validateMapDocument` accepted. Run it inside a transaction: it deletes everything first, then bulk-inserts
 * (see `insertRows`).
 *
 * What keeps its key keeps its id (a team, person or duty by key; a slot by team key and slot key), so links and
 * open editors stay valid across a re-import. An assignment keeps its version when its level is unchanged and gets
 * the next one when it changed, so an editor holding an older version is told (see `setAssignment`).
 */
export async function replaceMap(
  tx: Prisma.TransactionClient,
  { organizationId, document }: { organizationId: string; document: TMapDocument },
): Promise<TMapCounts> {
  const where = { organizationId };
  // Two imports into one organisation at once would interleave their deletes and inserts; the second waits.
  await tx.$queryRaw`SELECT id FROM organization WHERE id = ${organizationId} FOR UPDATE`;

  const teams = await tx.team.findMany({ where, select: { id: true, key: true } });
  const people = await tx.person.findMany({ where, select: { id: true, key: true } });
  const duties = await tx.duty.findMany({ where, select: { id: true, key: true } });
  const slots = await tx.slot.findMany({ where, select: { id: true, key: true, team: { select: { key: true } } } });
  const assignments = await tx.assignment.findMany({
    where,
    select: { dutyId: true, slotId: true, level: true, version: true },
  });
  const existingIds = new Map<string, string>([
    ...teams.map((team) => [`team ${team.key}`, team.id] as const),
    ...people.map((person) => [`person ${person.key}`, person.id] as const),
    ...duties.map((duty) => [`duty ${duty.key}`, duty.id] as const),
    ...slots.map((slot) => [`slot ${slot.team.key} ${slot.key}`, slot.id] as const),
  ]);
  const idFor: TCreateId = (kind, { key, teamKey }) =>
    existingIds.get(kind === "slot" ? `slot ${teamKey} ${key}` : `${kind} ${key}`) ?? createId();
  const map = documentToMap(document, idFor);

  const previous = new Map(assignments.map((cell) => [`${cell.dutyId} ${cell.slotId}`, cell]));
  const cells = map.assignments.map((cell) => {
    const before = previous.get(`${cell.dutyId} ${cell.slotId}`);
    const version = !before ? 1 : before.level === cell.level ? before.version : before.version + 1;
    return { ...cell, version };
  });

  // Deleting the teams deletes their slots and assignments too.
  await tx.team.deleteMany({ where });
  await tx.duty.deleteMany({ where });
  await tx.person.deleteMany({ where });

  const withOrganization = <TRow extends object>(rows: readonly TRow[]) =>
    rows.map((row) => ({ ...row, organizationId }));
  await insertRows(tx, "duty", DUTY_COLUMNS, withOrganization(map.duties));
  await insertRows(tx, "person", PERSON_COLUMNS, withOrganization(map.people));
  await insertRows(tx, "team", TEAM_COLUMNS, withOrganization(map.teams));
  await insertRows(tx, "slot", SLOT_COLUMNS, withOrganization(map.slots));
  await insertRows(
    tx,
    "assignment",
    ASSIGNMENT_COLUMNS,
    cells.map((cell) => ({ ...cell, id: createId(), organizationId })),
  );

  return countsOf(map);
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
