import "server-only";
import { db } from "@/lib/db";
import { planTeamRestore, type TJournalGroupView } from "@/lib/domain/journal";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { openMapWrite } from "@/lib/server/kernel/map-write";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/server/kernel/prisma-errors";
import { shownRef } from "@/lib/validation/map-fields";
import { applyRowChanges, readMapRows } from "@/lib/server/kernel/apply-rows";
import { readEntries } from "@/lib/server/kernel/journal-entries";
import { readRowsAt } from "@/lib/server/kernel/map-at";
import { viewGroups } from "./read-journal";

/**
 * Puts one team back as it was at `at`, as one undoable action: its name, slots, holders and cells. Managers and
 * Owners only.
 */
export async function restoreTeam({
  actor,
  orgSlug,
  teamId,
  at,
}: {
  actor: TActor | null;
  orgSlug: string;
  teamId: string;
  at: Date;
}): Promise<{ group: TJournalGroupView | null }> {
  const writer = await openMapWrite({ actor, orgSlug });
  const { organizationId } = writer;
  if (at.getTime() > Date.now())
    throw new AppError("invalid_input", "Choose a moment in the past.", { at: ["Choose a moment in the past."] });
  try {
    const groupId = await writer.write<string | null>(
      {
        action: "team.restore",
        entity: "map",
        // Taken before the map is read: a cell write or import meanwhile waits, or is waited for, so none is reverted.
        lock: "update",
        announces: (groupId) => groupId !== null,
        transaction: { timeout: 60_000 },
      },
      async ({ tx, groupId: journalGroup }) => {
        // The map cannot change meanwhile (the lock above): reading it in parts is reading one snapshot.
        const now = await readMapRows(tx, organizationId);
        const current = [...now.team.values()].find((row) => row.id === teamId || row.key === teamId)?.id;
        const { rows: then, teamId: id = current } = await readRowsAt(tx, organizationId, at, current ?? teamId);
        if (!id)
          throw new AppError(
            "not_found",
            `There is no team with the id or key "${shownRef(teamId)}" in this organisation.`,
          );
        if (!then.team.has(id)) {
          throw new AppError("conflict", "The team did not exist at that moment; delete it instead.");
        }
        const changes = planTeamRestore(now, then, id);
        await applyRowChanges(tx, changes);
        const [entry] = await tx.$queryRaw<{ id: bigint }[]>`
          SELECT id FROM journal_entry WHERE organization_id = ${organizationId} AND group_id = ${journalGroup} LIMIT 1`;
        return entry ? journalGroup : null;
      },
    );
    if (!groupId) return { group: null };
    const entries = await readEntries(db, organizationId, Prisma.sql`group_id = ${groupId}`);
    const [group] = await viewGroups(organizationId, [{ groupId, entryCount: entries.length, entries }]);
    return { group: group ?? null };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        "Something added since uses the same key or email as what the restore would bring back; rename it first.",
      );
    }
    if (isForeignKeyViolation(error)) {
      throw new AppError("conflict", "Something the team needs back has been deleted since and cannot be restored.");
    }
    throw error;
  }
}
