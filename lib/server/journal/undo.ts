import "server-only";
import { db } from "@/lib/db";
import { planUndo, sameRow, type TJournalEntry, type TJournalGroupView, type TJournalRow } from "@/lib/domain/journal";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { openMapWrite } from "@/lib/server/kernel/map-write";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/server/kernel/prisma-errors";
import { shownRef } from "@/lib/validation/map-fields";
import { applyRowChanges, lockRows } from "@/lib/server/kernel/apply-rows";
import { readEntries } from "@/lib/server/kernel/journal-entries";
import { viewGroups } from "./read-journal";

export type TUndoResult =
  { ok: true; group: TJournalGroupView } | { ok: false; message: string; conflicts: TJournalGroupView[] };

/**
 * The most later actions a refused undo lists, newest first (those to undo first): an action undone long after it was
 * made may have thousands in its way, and reading and describing them all would grow with the journal.
 */
const LISTED_CONFLICTS = 20;
const LISTED_CONFLICT_ENTRIES = 500;

/**
 * Later entries that undoing the group would overwrite or break (see planUndo), as a condition on journal_entry. The
 * candidates come by index (the rows' keys, and refs), so that the check reads what concerns the group, not every
 * entry since it. They are gathered once, as an array (an InitPlan), before any other row is looked at: as a subquery
 * the planner may instead walk every later entry and run the subquery for each (minutes at 200,000 entries when the
 * table's statistics lag behind a burst of writes).
 */
function laterConflictsSql(organizationId: string, entries: readonly TJournalEntry[]): Prisma.Sql {
  const { keys, removedIds, parentIds, lastSeq } = planUndo(entries);
  return Prisma.sql`id = ANY(ARRAY(
      SELECT id FROM journal_entry
      WHERE organization_id = ${organizationId} AND entity_key = ANY(${[...keys, ...parentIds]}) AND id > ${lastSeq}
      UNION
      SELECT id FROM journal_entry
      WHERE refs && ${removedIds}::text[] AND organization_id = ${organizationId} AND id > ${lastSeq}
    )) AND group_id <> ${entries[0]!.groupId} AND (
    entity_key = ANY(${keys}) OR refs && ${removedIds}::text[] OR (entity_id = ANY(${parentIds}) AND after IS NULL))`;
}

/** The group that `ref` names: a group id, or the id (seq) of one of its entries. */
async function findGroupEntries(organizationId: string, ref: string): Promise<TJournalEntry[]> {
  const where = /^\d{1,18}$/.test(ref)
    ? Prisma.sql`group_id = (SELECT group_id FROM journal_entry WHERE organization_id = ${organizationId} AND id = ${BigInt(ref)})`
    : Prisma.sql`group_id = ${ref}`;
  const entries = await readEntries(db, organizationId, where);
  if (entries.length === 0) {
    throw new AppError("not_found", `There is no journal entry "${shownRef(ref)}" in this organisation.`);
  }
  return entries;
}

async function groupsOf(organizationId: string, entries: readonly TJournalEntry[]): Promise<TJournalGroupView[]> {
  const groupIds = [...new Set(entries.map((entry) => entry.groupId))].slice(-LISTED_CONFLICTS);
  const all = await readEntries(db, organizationId, Prisma.sql`group_id = ANY(${groupIds})`);
  const views = await viewGroups(
    organizationId,
    groupIds.map((groupId) => {
      const groupEntries = all.filter((entry) => entry.groupId === groupId);
      return { groupId, entryCount: groupEntries.length, entries: groupEntries };
    }),
  );
  return views.reverse();
}

class UndoRefused extends Error {
  constructor(
    message: string,
    readonly conflicting: TJournalEntry[],
  ) {
    super(message);
  }
}

/**
 * Undoes one journal group (an action) as a new group that names it: every row it touched goes back to how it was
 * before. Refused, with the later changes listed, when anything since touched the same rows or what they hang on;
 * refused when the group was undone already. Managers and Owners only.
 */
export async function undoJournalGroup({
  actor,
  orgSlug,
  ref,
}: {
  actor: TActor | null;
  orgSlug: string;
  ref: string;
}): Promise<TUndoResult> {
  const writer = await openMapWrite({ actor, orgSlug });
  const { organizationId } = writer;
  const entries = await findGroupEntries(organizationId, ref);
  const groupId = entries[0]!.groupId;
  try {
    const undoGroupId = await writer.write(
      // The lock is taken before anything is read: an import, publish or other undo meanwhile waits, or is waited for.
      { action: "journal.undo", undoes: groupId, entity: "map", lock: "update" },
      async ({ tx }) => {
        const [undone] = await tx.$queryRaw<{ group_id: string }[]>`
          SELECT group_id FROM journal_entry WHERE organization_id = ${organizationId} AND undoes_group_id = ${groupId} LIMIT 1`;
        if (undone) throw new UndoRefused("This change has been undone already.", []);
        const { changes } = planUndo(entries);
        // Lock what the undo changes, then compare it with what the group left: the journal explains a difference.
        const current = new Map<string, TJournalRow>();
        for (const entity of ["person", "team", "duty", "slot", "assignment", "rule"] as const) {
          const ids = changes.flatMap((change) =>
            change.entity === entity ? [change.expected?.id, change.target?.id].filter((id): id is string => !!id) : [],
          );
          for (const [id, row] of await lockRows(tx, organizationId, entity, [...new Set(ids)])) current.set(id, row);
        }
        const later = await readEntries(
          tx,
          organizationId,
          // An array again (see laterConflictsSql): as a subquery, stale statistics made this a nested loop over
          // every entry of the organisation.
          Prisma.sql`id = ANY(ARRAY(SELECT id FROM journal_entry WHERE organization_id = ${organizationId}
            AND ${laterConflictsSql(organizationId, entries)} ORDER BY id DESC LIMIT ${LISTED_CONFLICT_ENTRIES}))`,
        );
        const drifted = changes.some((change) => {
          const now = change.expected ? current.get(change.expected.id) : undefined;
          return !sameRow(now ?? null, change.expected);
        });
        if (later.length > 0 || drifted) {
          throw new UndoRefused(
            "Later changes touched the same things; undo them first, or change the map by hand.",
            later,
          );
        }
        await applyRowChanges(
          tx,
          changes.map((change) => ({
            entity: change.entity,
            current: change.expected ? (current.get(change.expected.id) ?? null) : null,
            target: change.target,
          })),
        );
        const [created] = await tx.$queryRaw<{ group_id: string }[]>`
          SELECT group_id FROM journal_entry WHERE organization_id = ${organizationId} AND undoes_group_id = ${groupId} LIMIT 1`;
        return created?.group_id ?? null;
      },
    );
    const undoEntries = undoGroupId ? await readEntries(db, organizationId, Prisma.sql`group_id = ${undoGroupId}`) : [];
    const [group] = await groupsOf(organizationId, undoEntries.length > 0 ? undoEntries : entries);
    return { ok: true, group: group! };
  } catch (error) {
    if (error instanceof UndoRefused) {
      return { ok: false, message: error.message, conflicts: await groupsOf(organizationId, error.conflicting) };
    }
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        message: "Something added since uses the same key or email as what the undo would bring back; rename it first.",
        conflicts: [],
      };
    }
    if (isForeignKeyViolation(error)) {
      return { ok: false, message: "Something this change depends on has been deleted since.", conflicts: [] };
    }
    throw error;
  }
}
