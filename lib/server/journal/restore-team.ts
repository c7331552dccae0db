import "server-only";
import { db } from "@/lib/db";
import { rewindRows, type TJournalGroupView, type TJournalRow, type TMapRows } from "@/lib/domain/journal";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { changeOf, runWrite } from "@/lib/server/live/run-write";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/server/prisma-errors";
import { applyRowChanges, readMapRows, type TRowChange } from "./apply-rows";
import { readEntries, viewGroups } from "./read-journal";

const same = (a: TJournalRow | null, b: TJournalRow | null) =>
  JSON.stringify(a && Object.entries(a).sort()) === JSON.stringify(b && Object.entries(b).sort());

/**
 * What restoring a team to `then` changes in `now`: the team, its slots and its cells as they were, and the people
 * and duties they need that have been deleted since. Other teams, and people and duties that still exist, are left.
 */
export function teamRestoreChanges(now: TMapRows, then: TMapRows, teamId: string): TRowChange[] {
  const changes: TRowChange[] = [];
  const add = (entity: TRowChange["entity"], id: string) => {
    const current = now[entity].get(id) ?? null;
    const target = then[entity].get(id) ?? null;
    if (!same(current, target)) changes.push({ entity, current, target });
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
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  if (at.getTime() > Date.now())
    throw new AppError("invalid_input", "Choose a moment in the past.", { at: ["Choose a moment in the past."] });
  try {
    const groupId = await runWrite(
      { actor: author, action: "team.restore" },
      async (tx) => {
        const now = await readMapRows(tx, organizationId);
        const then = rewindRows(now, await readEntries(tx, organizationId, Prisma.sql`at > ${at}`));
        const find = (rows: TMapRows) =>
          [...rows.team.values()].find((row) => row.id === teamId || row.key === teamId)?.id;
        const id = find(now) ?? find(then);
        if (!id)
          throw new AppError("not_found", `There is no team with the id or key "${teamId}" in this organisation.`);
        if (!then.team.has(id)) {
          throw new AppError("conflict", "The team did not exist at that moment; delete it instead.");
        }
        const changes = teamRestoreChanges(now, then, id);
        await applyRowChanges(tx, changes);
        const [entry] = await tx.$queryRaw<{ group_id: string }[]>`
          SELECT group_id FROM journal_entry
          WHERE organization_id = ${organizationId} AND action = 'team.restore' AND team_id = ${id}
          ORDER BY id DESC LIMIT 1`;
        return changes.length > 0 ? (entry?.group_id ?? null) : null;
      },
      (groupId) => (groupId ? changeOf(organizationId, author, "map")(null) : null),
      { timeout: 60_000 },
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
