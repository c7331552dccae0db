import "server-only";
import {
  emptyMapRows,
  type TJournalEntity,
  type TJournalRow,
  type TMapRows,
  type TRowChange,
} from "@/lib/domain/journal";
import type { TRowsToRead } from "@/lib/domain/flag-scope";
import { Prisma } from "@/lib/generated/prisma/client";

/** The columns of each map table that a journal row holds (all but the timestamps). */
const COLUMNS: Record<TJournalEntity, readonly string[]> = {
  person: ["id", "organization_id", "key", "name", "email", "capacity"],
  team: ["id", "organization_id", "key", "name", "description", "group"],
  duty: ["id", "organization_id", "key", "name", "description", "required", "order"],
  slot: [
    "id",
    "organization_id",
    "team_id",
    "key",
    "role",
    "title",
    "holder_id",
    "holder_until",
    "next_holder_id",
    "next_holder_from",
    "allocation",
    "order",
  ],
  assignment: ["id", "organization_id", "team_id", "duty_id", "slot_id", "level", "version"],
  rule: ["id", "organization_id", "rule_id", "severity", "params", "exempt_teams"],
};

/** Parents before children, for inserts; the reverse for deletes. */
const PARENTS_FIRST: readonly TJournalEntity[] = ["rule", "person", "duty", "team", "slot", "assignment"];

const identifier = (name: string) => Prisma.raw(`"${name}"`);

/**
 * Puts rows into the given states, inside the caller's transaction (whose journal context names the change):
 * deletes children before parents, then writes parents before children. A cell that comes back gets a version
 * above the one it has now, so that browsers holding the current one see the change.
 */
export async function applyRowChanges(tx: Prisma.TransactionClient, changes: readonly TRowChange[]): Promise<void> {
  for (const entity of [...PARENTS_FIRST].reverse()) {
    const ids = changes
      .filter((change) => change.entity === entity && change.current && change.current.id !== change.target?.id)
      .map((change) => change.current!.id);
    if (ids.length > 0) await tx.$executeRaw`DELETE FROM ${identifier(entity)} WHERE id = ANY(${ids})`;
  }
  for (const entity of PARENTS_FIRST) {
    const columns = COLUMNS[entity];
    const list = Prisma.join(columns.map(identifier));
    const updates = Prisma.join(
      columns
        .filter((column) => column !== "id")
        .map((column) => Prisma.sql`${identifier(column)} = EXCLUDED.${identifier(column)}`),
    );
    for (const change of changes) {
      if (change.entity !== entity || !change.target) continue;
      const target =
        entity === "assignment"
          ? {
              ...change.target,
              version: Math.max(Number(change.current?.version ?? 0), Number(change.target.version)) + 1,
            }
          : change.target;
      await tx.$executeRaw`
        INSERT INTO ${identifier(entity)} (${list}, created_at, updated_at)
        SELECT ${list}, now(), now() FROM jsonb_populate_record(NULL::${identifier(entity)}, ${JSON.stringify(target)}::jsonb)
        ON CONFLICT (id) DO UPDATE SET ${updates}, updated_at = now()`;
    }
  }
}

/** Rows of the map tables by id, locked until the transaction ends, as the journal keeps them. */
export async function lockRows(
  tx: Prisma.TransactionClient,
  organizationId: string,
  entity: TJournalEntity,
  ids: readonly string[],
): Promise<Map<string, TJournalRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ row: TJournalRow }[]>`
    SELECT to_jsonb(t) - 'created_at' - 'updated_at' AS row FROM ${identifier(entity)} t
    WHERE organization_id = ${organizationId} AND id = ANY(${[...ids]}) FOR UPDATE`;
  return new Map(rows.map(({ row }) => [row.id, row]));
}

/** Which of the map's rows to read: every table's (the default), or some tables', and the cells of one team only. */
export type TRowsWanted = { entities?: readonly TJournalEntity[]; cellsOf?: string };

/** One table's rows of the organisation that `where` picks, into `rows`, as the journal keeps them. */
async function readTable(
  client: Prisma.TransactionClient,
  organizationId: string,
  entity: TJournalEntity,
  where: Prisma.Sql,
  rows: TMapRows,
): Promise<void> {
  // An enum would come back as whatever the driver makes of it: as text, it is what the journal holds.
  const columns = Prisma.join(
    COLUMNS[entity].map((column) => (column === "level" ? Prisma.sql`level::text AS level` : identifier(column))),
  );
  const read = await client.$queryRaw<TJournalRow[]>`
    SELECT ${columns} FROM ${identifier(entity)} WHERE organization_id = ${organizationId} AND ${where}`;
  for (const row of read) rows[entity].set(row.id, row);
}

/**
 * The organisation's rows of the map tables, as the journal keeps them (read them in one snapshot). Read column by
 * column, which for tens of thousands of rows is about three times faster than building each row's JSON in SQL;
 * the values come out as to_jsonb gives them (numbers, booleans, text and nulls).
 */
export async function readMapRows(
  client: Prisma.TransactionClient,
  organizationId: string,
  { entities = PARENTS_FIRST, cellsOf }: TRowsWanted = {},
): Promise<TMapRows> {
  const rows = emptyMapRows();
  for (const entity of entities) {
    const where =
      entity === "assignment" && cellsOf !== undefined ? Prisma.sql`team_id = ${cellsOf}` : Prisma.sql`TRUE`;
    await readTable(client, organizationId, entity, where, rows);
  }
  return rows;
}

/**
 * The rows `wanted` names (read them in one snapshot; see rowsToRead): every duty; the whole of each of its teams and
 * of each team where a person of `heldBy` holds a slot (the team, its slots and cells); its people and every holder
 * of those teams' slots. Not the rules: flags are judged under today's rules (readRules), read once for every part.
 */
export async function readRowsAround(
  client: Prisma.TransactionClient,
  organizationId: string,
  wanted: TRowsToRead,
): Promise<TMapRows> {
  const held = await client.$queryRaw<{ team_id: string }[]>`
    SELECT DISTINCT team_id FROM slot WHERE organization_id = ${organizationId} AND holder_id = ANY(${[...wanted.heldBy]})`;
  const teams = [...new Set([...wanted.teams, ...held.map((row) => row.team_id)])];
  const rows = emptyMapRows();
  const everything = Prisma.sql`TRUE`;
  const ofTeams = Prisma.sql`team_id = ANY(${teams})`;
  await readTable(client, organizationId, "duty", everything, rows);
  await readTable(client, organizationId, "team", Prisma.sql`id = ANY(${teams})`, rows);
  await readTable(client, organizationId, "slot", ofTeams, rows);
  await readTable(client, organizationId, "assignment", ofTeams, rows);
  const holders = [...rows.slot.values()].flatMap((row) => (row.holder_id == null ? [] : [String(row.holder_id)]));
  const people = [...new Set([...wanted.people, ...holders])];
  await readTable(client, organizationId, "person", Prisma.sql`id = ANY(${people})`, rows);
  return rows;
}
