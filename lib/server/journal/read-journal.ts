import "server-only";
import { db } from "@/lib/db";
import {
  entryOperation,
  JOURNAL_GROUP_ENTRY_LIMIT,
  type TJournalAction,
  type TJournalActor,
  type TJournalEntity,
  type TJournalEntry,
  type TJournalGroupView,
  type TJournalPage,
  type TJournalRow,
} from "@/lib/domain/journal";
import {
  addJournalNames,
  describeEntry,
  describeGroup,
  emptyJournalNames,
  idsNamedBy,
  type TJournalNames,
} from "@/lib/domain/journal-sentences";
import type { TRemitMap } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { ENTRY_COLUMNS, readEntries, toEntry, type TEntryRow } from "@/lib/server/kernel/journal-entries";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import type { TJournalQuery } from "@/lib/validation/journal";

function filterSql(query: Omit<TJournalQuery, "cursor" | "limit">, teamId?: string, personId?: string): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (teamId) conditions.push(Prisma.sql`team_id = ${teamId}`);
  if (personId) conditions.push(Prisma.sql`${personId} = ANY(person_ids)`);
  if (query.actorId) conditions.push(Prisma.sql`actor_id = ${query.actorId}`);
  if (query.kind) conditions.push(Prisma.sql`entity = ${query.kind}`);
  if (query.action) conditions.push(Prisma.sql`action = ${query.action}`);
  if (query.from) conditions.push(Prisma.sql`at >= ${query.from}`);
  if (query.to) conditions.push(Prisma.sql`at <= ${query.to}`);
  return Prisma.join(conditions, " AND ");
}

/** The filters as they apply to journal notes, which belong to no team, person or kind of row. */
function noteFilterSql(query: Omit<TJournalQuery, "cursor" | "limit">, teamId?: string, personId?: string): Prisma.Sql {
  if (teamId || personId || query.kind) return Prisma.sql`FALSE`;
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.actorId) conditions.push(Prisma.sql`actor_id = ${query.actorId}`);
  if (query.action) conditions.push(Prisma.sql`action = ${query.action}`);
  if (query.from) conditions.push(Prisma.sql`at >= ${query.from}`);
  if (query.to) conditions.push(Prisma.sql`at <= ${query.to}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * What the view of each group reads of its entries matching `where`: the first JOURNAL_GROUP_ENTRY_LIMIT, which it
 * shows, and the first that names the action when that comes later (describeGroup's: the deleted row of a deletion,
 * the changed row of an update). Not every entry: a map's import is one group of tens of thousands, and History read
 * them all for a sentence and fifty lines.
 */
function readShownEntries(organizationId: string, groupIds: readonly string[], where: Prisma.Sql = Prisma.sql`TRUE`) {
  // Per group, through the index on (organization, group, id): its first entries, and the first that names the
  // action, looked for only in a deletion or an update (the group's first entry says which: a group is one action).
  // ARRAY(…): the ids are found once, whatever the planner expects of a new organisation's rows (as a semi-join it
  // could run the search again for every row of the group: minutes after a 1,000-team import).
  const ofGroup = Prisma.sql`e.organization_id = ${organizationId} AND e.group_id = chosen.group_id AND ${where}`;
  return readEntries(
    db,
    organizationId,
    Prisma.sql`id = ANY(ARRAY(
      SELECT shown.id FROM unnest(${groupIds}::text[]) AS chosen(group_id), LATERAL (
        (SELECT e.id FROM journal_entry e WHERE ${ofGroup} ORDER BY e.id LIMIT ${JOURNAL_GROUP_ENTRY_LIMIT})
        UNION
        (SELECT e.id FROM journal_entry e
         WHERE ${ofGroup}
           AND ((e.after IS NULL AND e.action = e.entity || '.delete')
             OR (e.before IS NOT NULL AND e.after IS NOT NULL AND e.action = e.entity || '.update'))
           AND (SELECT first.action FROM journal_entry first
                WHERE first.organization_id = ${organizationId} AND first.group_id = chosen.group_id
                ORDER BY first.id LIMIT 1) LIKE ANY (ARRAY['%.delete', '%.update'])
         ORDER BY e.id LIMIT 1)
      ) AS shown))`,
  );
}

/** How many entries each group has, matching the filters or not (counted group by group, from the index alone). */
async function countEntries(organizationId: string, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const counts = await db.$queryRaw<{ group_id: string; count: bigint }[]>`
    SELECT chosen.group_id, (
      SELECT count(*) FROM journal_entry e WHERE e.organization_id = ${organizationId} AND e.group_id = chosen.group_id
    ) AS count
    FROM unnest(${groupIds}::text[]) AS chosen(group_id)`;
  return new Map(counts.map((row) => [row.group_id, Number(row.count)]));
}

/** Entries by their group, each group's in the order given. */
function byGroup(entries: readonly TJournalEntry[]): Map<string, TJournalEntry[]> {
  const groups = new Map<string, TJournalEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.groupId);
    if (group) group.push(entry);
    else groups.set(entry.groupId, [entry]);
  }
  return groups;
}

/** A journal note (see JournalNote) as History shows an action: its sentence, and no entry to undo. */
async function viewNotes(organizationId: string, ids: readonly string[]): Promise<Map<string, TJournalGroupView>> {
  if (ids.length === 0) return new Map();
  const notes = await db.journalNote.findMany({
    where: { organizationId, groupId: { in: [...ids] } },
    select: { groupId: true, at: true, actorKind: true, actorId: true, actorName: true, action: true, sentence: true },
  });
  return new Map(
    notes.map((note) => [
      note.groupId,
      {
        groupId: note.groupId,
        at: note.at.toISOString(),
        actor: { kind: note.actorKind as TJournalActor["kind"], id: note.actorId, name: note.actorName },
        action: note.action as TJournalAction,
        sentence: note.sentence,
        entryCount: 0,
        entries: [],
        undoesGroupId: null,
        undoneBy: null,
      },
    ]),
  );
}

/** Names for sentences: the map's current ones, then the last known ones from the journal for what is gone. */
export async function journalNames(
  organizationId: string,
  map: TRemitMap,
  entries: readonly TJournalEntry[],
): Promise<TJournalNames> {
  const names = emptyJournalNames();
  for (const person of map.people) names.people.set(person.id, person.name);
  for (const team of map.teams) names.teams.set(team.id, team.name);
  for (const duty of map.duties) names.duties.set(duty.id, duty.name);
  for (const slot of map.slots) names.slots.set(slot.id, { role: slot.role, teamId: slot.teamId });
  addJournalNames(
    names,
    entries.flatMap((entry) =>
      [entry.after, entry.before].flatMap((row) => (row ? [{ entity: entry.entity, row }] : [])),
    ),
  );
  const known = (id: string) =>
    names.people.has(id) || names.teams.has(id) || names.duties.has(id) || names.slots.has(id);
  const missing = [...new Set(entries.flatMap(idsNamedBy))].filter((id) => !known(id));
  if (missing.length > 0) {
    const rows = await db.$queryRaw<{ entity: TJournalEntity; row: TJournalRow }[]>`
      SELECT DISTINCT ON (entity_id) entity, coalesce(before, after) AS row
      FROM journal_entry WHERE organization_id = ${organizationId} AND entity_id = ANY(${missing})
      ORDER BY entity_id, id DESC`;
    addJournalNames(names, rows);
  }
  return names;
}

/** Groups as the API shows them, each with its sentence and whether (and by what) it was undone. */
export async function viewGroups(
  organizationId: string,
  groups: readonly { groupId: string; entryCount: number; entries: TJournalEntry[] }[],
): Promise<TJournalGroupView[]> {
  if (groups.length === 0) return [];
  const { map } = await mapSnapshots.read(organizationId);
  const names = await journalNames(
    organizationId,
    map,
    groups.flatMap((group) => group.entries),
  );
  const undos = await db.$queryRaw<TEntryRow[]>`
    SELECT DISTINCT ON (undoes_group_id) ${ENTRY_COLUMNS} FROM journal_entry
    WHERE organization_id = ${organizationId} AND undoes_group_id = ANY(${groups.map((group) => group.groupId)})
    ORDER BY undoes_group_id, id DESC`;
  const undoneBy = new Map(undos.map((row) => [row.undoes_group_id!, toEntry(row)]));
  // An undo says what it undid, in the undone action's own words.
  const undoneIds = [...new Set(groups.flatMap((group) => group.entries[0]?.undoesGroupId ?? []))];
  const [undoneEntries, undoneCounts] = undoneIds.length
    ? await Promise.all([readShownEntries(organizationId, undoneIds), countEntries(organizationId, undoneIds)])
    : [[], new Map<string, number>()];
  const undoneGroups = byGroup(undoneEntries);
  addJournalNames(
    names,
    undoneEntries.flatMap((entry) =>
      [entry.after, entry.before].flatMap((row) => (row ? [{ entity: entry.entity, row }] : [])),
    ),
  );
  const undoneSentence = (groupId: string | null): string | null => {
    if (!groupId) return null;
    const entries = undoneGroups.get(groupId) ?? [];
    const [first] = entries;
    return first
      ? describeGroup(
          {
            actor: first.actor,
            action: first.action,
            entryCount: undoneCounts.get(groupId) ?? entries.length,
            entries,
          },
          names,
        )
      : null;
  };
  return groups.flatMap(({ groupId, entryCount, entries }) => {
    const [first] = entries;
    if (!first) return [];
    const undo = undoneBy.get(groupId);
    return [
      {
        groupId,
        at: first.at,
        actor: first.actor,
        action: first.action,
        sentence: undoneSentence(first.undoesGroupId)
          ? `${first.actor.name} undid “${undoneSentence(first.undoesGroupId)}”`
          : describeGroup({ actor: first.actor, action: first.action, entryCount, entries }, names),
        entryCount,
        entries: entries.slice(0, JOURNAL_GROUP_ENTRY_LIMIT).map((entry) => ({
          seq: String(entry.seq),
          entity: entry.entity,
          entityId: entry.entityId,
          operation: entryOperation(entry),
          teamId: entry.teamId,
          sentence: describeEntry(entry, names),
          before: entry.before,
          after: entry.after,
        })),
        undoesGroupId: first.undoesGroupId,
        undoneBy: undo ? { groupId: undo.groupId, at: undo.at, actor: undo.actor } : null,
      },
    ];
  });
}

/**
 * A page of the journal, newest action first: the groups with an entry matching every filter, each with its
 * matching entries. `teamId` and `personId` are ids (the caller resolves keys).
 */
export async function readJournalPage(
  organizationId: string,
  query: TJournalQuery,
  { teamId, personId }: { teamId?: string; personId?: string },
): Promise<TJournalPage> {
  const where = filterSql(query, teamId, personId);
  const cursor = query.cursor ? Prisma.sql`WHERE last < ${BigInt(query.cursor)}` : Prisma.empty;
  // Actions (groups of entries) and notes, newest first: both are numbered from the journal's sequence.
  const page = await db.$queryRaw<{ group_id: string; last: bigint; is_note: boolean }[]>`
    SELECT group_id, last, is_note FROM (
      SELECT group_id, max(id) AS last, FALSE AS is_note FROM journal_entry
      WHERE organization_id = ${organizationId} AND ${where} GROUP BY group_id
      UNION ALL
      SELECT group_id, id AS last, TRUE AS is_note FROM journal_note
      WHERE organization_id = ${organizationId} AND ${noteFilterSql(query, teamId, personId)}
    ) AS actions ${cursor} ORDER BY last DESC LIMIT ${query.limit + 1}`;
  const shown = page.slice(0, query.limit);
  const ids = shown.filter((row) => !row.is_note).map((row) => row.group_id);
  if (shown.length === 0) return { groups: [], nextCursor: null };
  const [entries, countOf, notes] = await Promise.all([
    ids.length > 0 ? readShownEntries(organizationId, ids, where) : [],
    countEntries(organizationId, ids),
    viewNotes(
      organizationId,
      shown.filter((row) => row.is_note).map((row) => row.group_id),
    ),
  ]);
  const entriesOf = byGroup(entries);
  const viewed = await viewGroups(
    organizationId,
    ids.map((groupId) => ({ groupId, entryCount: countOf.get(groupId) ?? 0, entries: entriesOf.get(groupId) ?? [] })),
  );
  const byId = new Map([...viewed.map((group) => [group.groupId, group] as const), ...notes]);
  const groups = shown.flatMap((row) => byId.get(row.group_id) ?? []);
  return { groups, nextCursor: page.length > query.limit ? String(shown.at(-1)!.last) : null };
}
