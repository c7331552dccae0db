import "server-only";
import { db, queryRows } from "@/lib/db";
import type { TRaciLevel } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/server/kernel/create-id";
import { cellChange, runAnnouncedStatement } from "@/lib/server/kernel/run-write";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { authorize } from "@/lib/server/auth/authorize";
import { isForeignKeyViolation } from "@/lib/server/kernel/prisma-errors";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import type { TSetAssignment } from "@/lib/validation/assignments";
import { canBeStored } from "@/lib/validation/map-fields";
import type { TAssignmentCell } from "@/lib/server/kernel/assignment-cell";
import type { TActor } from "@/lib/server/auth/actor";
import type { TJournalContext } from "@/lib/server/kernel/journal-context";

export type TSetAssignmentResult =
  | { ok: true; assignment: TAssignmentCell }
  /** The cell changed since the caller saw it; nothing was written. `assignment` is the cell as it is now. */
  | { ok: false; message: string; assignment: TAssignmentCell };

// Each attempt is a compare-and-set on the version; only a write racing this one makes another attempt necessary.
const ATTEMPTS = 3;

const DELETED_MEANWHILE = "This cell's team, duty or slot was deleted while the change was being saved.";

/**
 * Sets one cell of a team's grid to a level, or clears it (`level: null` removes the row). Every change bumps the
 * cell's version; setting the level it already has changes nothing. With `version`, the write happens only if the
 * cell is still at that version (0 for an empty cell); otherwise the answer is a conflict with the current cell.
 */
export async function setAssignment({
  actor,
  orgSlug,
  teamId,
  dutyId,
  slotId,
  level,
  version,
}: TOrgCall & { teamId: string } & TSetAssignment): Promise<TSetAssignmentResult> {
  const { organization, actor: author, draft } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  // On a draft, a changed cell withdraws the draft's standing approvals (see runAnnouncedStatement).
  const journal: TJournalContext = { actor: author, action: "assignment.set", draft };
  const refs = { teamId, dutyId, slotId };
  // Each write is one statement, a compare-and-set on the version (see runAnnouncedStatement). It changes the cell
  // only after it holds the organisation's row in share mode (see lockOrganization; the row it writes comes from
  // `locked`): an import or publish holding the map is waited for, not deadlocked with, and what it changed meanwhile
  // fails the compare-and-set instead of being overwritten.
  const locked = Prisma.sql`locked AS (SELECT id FROM organization WHERE id = ${organizationId} FOR SHARE)`;
  // The usual edit (a level on a cell seen at a version) is written by the statement that finds the cell.
  const isUsualEdit = version !== undefined && level !== null;
  const known = isUsualEdit
    ? await writeKnownCell({ organizationId, author, journal, locked, refs, level, version })
    : await findCell(organizationId, refs);
  if (known === "written") return { ok: true, assignment: { ...refs, level, version: (version ?? 0) + 1 } };
  const { current: found, ...cell } = known ?? (await findCellOrExplain(organizationId, refs));
  const empty: TAssignmentCell = { ...cell, level: null, version: 0 };
  const readCurrent = () => readCell(organizationId, cell);
  // The one-statement edit may have waited for another write of this cell and then changed nothing: the cell it
  // answers is from before that write, so the decision below reads the cell again (else a write that lost the race
  // could be answered "already at that level" at the old version).
  const first = isUsualEdit && known ? await readCurrent() : found;

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = attempt === 1 ? first : await readCurrent();
    if (version !== undefined && version !== (current?.version ?? 0)) {
      return conflict(current ? { ...cell, level: current.level, version: current.version } : empty, version);
    }
    if (current && current.level === level) return { ok: true, assignment: { ...cell, ...withoutId(current) } };

    if (!current) {
      if (level === null) return { ok: true, assignment: empty };
      const created = { ...cell, level, version: 1 };
      const rows = await runAnnouncedStatement<{ version: number }>(
        journal,
        (announce) => Prisma.sql`
          WITH ${locked}, changed AS (
            INSERT INTO assignment (id, organization_id, team_id, duty_id, slot_id, level, version, updated_at)
            SELECT ${createId()}, ${organizationId}, ${cell.teamId}, ${cell.dutyId}, ${cell.slotId},
                   ${level}::"RaciLevel", 1, now()
            FROM locked
            ON CONFLICT (slot_id, duty_id) DO NOTHING
            RETURNING version
          )
          SELECT changed.version FROM changed, LATERAL (SELECT ${announce}) AS announced`,
        cellChange(organizationId, author, created),
      ).catch((error: unknown) => {
        if (isForeignKeyViolation(error)) throw new AppError("not_found", DELETED_MEANWHILE);
        throw error;
      });
      if (rows.length === 1) return { ok: true, assignment: created };
      continue; // Someone else filled the cell first.
    }

    const unchanged = Prisma.sql`assignment.id = ${current.id} AND assignment.organization_id = ${organizationId} AND assignment.version = ${current.version}`;
    const next: TAssignmentCell = level === null ? empty : { ...cell, level, version: current.version + 1 };
    const rows = await runAnnouncedStatement(
      journal,
      (announce) =>
        level === null
          ? Prisma.sql`
              WITH ${locked}, changed AS (DELETE FROM assignment USING locked WHERE ${unchanged} RETURNING version)
              SELECT changed.version FROM changed, LATERAL (SELECT ${announce}) AS announced`
          : Prisma.sql`
              WITH ${locked}, changed AS (
                UPDATE assignment SET level = ${level}::"RaciLevel", version = version + 1, updated_at = now()
                FROM locked
                WHERE ${unchanged}
                RETURNING version
              )
              SELECT changed.version FROM changed, LATERAL (SELECT ${announce}) AS announced`,
      cellChange(organizationId, author, next),
    );
    if (rows.length === 1) return { ok: true, assignment: next };
  }
  const current = await readCurrent();
  return conflict(current ? { ...cell, level: current.level, version: current.version } : empty, version);
}

type TCellRefs = { teamId: string; dutyId: string; slotId: string };
type TCurrent = { id: string; level: TRaciLevel; version: number };
type TFoundCell = TCellRefs & { current: TCurrent | null };

/**
 * The cell's team, duty and slot (each by id, or else key) and its row, as the CTE `cell` of one statement: one row,
 * or none when one of them is not there.
 */
function cellQuery(organizationId: string, refs: TCellRefs): Prisma.Sql {
  return Prisma.sql`
    t AS (
      SELECT id FROM team WHERE organization_id = ${organizationId} AND (id = ${refs.teamId} OR key = ${refs.teamId})
      ORDER BY id = ${refs.teamId} DESC LIMIT 1
    ), s AS (
      SELECT id FROM slot WHERE team_id = (SELECT id FROM t) AND (id = ${refs.slotId} OR key = ${refs.slotId})
      ORDER BY id = ${refs.slotId} DESC LIMIT 1
    ), d AS (
      SELECT id FROM duty WHERE organization_id = ${organizationId} AND (id = ${refs.dutyId} OR key = ${refs.dutyId})
      ORDER BY id = ${refs.dutyId} DESC LIMIT 1
    ), cell AS (
      SELECT t.id AS "teamId", d.id AS "dutyId", s.id AS "slotId", a.id, a.level::text AS level, a.version
      FROM t CROSS JOIN s CROSS JOIN d LEFT JOIN assignment a ON a.slot_id = s.id AND a.duty_id = d.id
    )`;
}

type TCellRow = TCellRefs & { id: string | null; level: TRaciLevel | null; version: number | null };

function foundCell({ id, level, version, ...cell }: TCellRow): TFoundCell {
  return { ...cell, current: id === null || level === null || version === null ? null : { id, level, version } };
}

/**
 * The cell's team, duty and slot and its row, in one query; null when one of them is not there, for
 * `findCellOrExplain` to say which.
 */
async function findCell(organizationId: string, refs: TCellRefs): Promise<TFoundCell | null> {
  if (![refs.teamId, refs.dutyId, refs.slotId].every(canBeStored)) return null;
  const [row] = await queryRows<TCellRow>(Prisma.sql`WITH ${cellQuery(organizationId, refs)} SELECT * FROM cell`);
  return row ? foundCell(row) : null;
}

/**
 * The usual edit, a level set on a cell the caller saw at `version` and names by ids, in one statement (one round
 * trip instead of two): it finds the cell as findCell does and changes it only if it is at `version`, with another
 * level, and was named by its ids (the event announced names the cell as the caller did). Otherwise it changes
 * nothing and answers the cell as found, for the general path to decide; null when the team, duty or slot is not there.
 */
async function writeKnownCell({
  organizationId,
  author,
  journal,
  locked,
  refs,
  level,
  version,
}: {
  organizationId: string;
  author: TActor;
  journal: TJournalContext;
  locked: Prisma.Sql;
  refs: TCellRefs;
  level: TRaciLevel;
  version: number;
}): Promise<TFoundCell | "written" | null> {
  if (![refs.teamId, refs.dutyId, refs.slotId].every(canBeStored)) return null;
  const rows = await runAnnouncedStatement<TCellRow & { written: number | null }>(
    journal,
    (announce) => Prisma.sql`
      WITH ${locked}, ${cellQuery(organizationId, refs)}, changed AS (
        UPDATE assignment SET level = ${level}::"RaciLevel", version = assignment.version + 1, updated_at = now()
        FROM locked, cell
        WHERE assignment.id = cell.id AND assignment.organization_id = ${organizationId}
          AND assignment.version = ${version} AND assignment.level <> ${level}::"RaciLevel"
          AND cell."teamId" = ${refs.teamId} AND cell."dutyId" = ${refs.dutyId} AND cell."slotId" = ${refs.slotId}
        RETURNING assignment.version
      )
      SELECT cell.*, written.version AS written FROM cell
      LEFT JOIN (SELECT changed.version FROM changed, LATERAL (SELECT ${announce}) AS announced) AS written ON true`,
    cellChange(organizationId, author, { ...refs, level, version: version + 1 }),
    (rows) => rows[0]?.written != null,
  );
  const [row] = rows;
  if (!row) return null;
  if (row.written !== null) return "written";
  const { written: _written, ...cell } = row;
  return foundCell(cell);
}

/** The cell's row as it is now, or null when it is empty. */
function readCell(organizationId: string, cell: TCellRefs): Promise<TCurrent | null> {
  return db.assignment.findFirst({
    where: { slotId: cell.slotId, dutyId: cell.dutyId, organizationId },
    select: { id: true, level: true, version: true },
  });
}

/** The same as findCell, one lookup at a time, so that a missing team, duty or slot gets its own 404. */
async function findCellOrExplain(organizationId: string, refs: TCellRefs): Promise<TFoundCell> {
  const team = await findMapRow(db, "team", { organizationId, ref: refs.teamId });
  const duty = await findMapRow(db, "duty", { organizationId, ref: refs.dutyId, field: "dutyId" });
  const slot = await findMapRow(db, "slot", { organizationId, team, ref: refs.slotId, field: "slotId" });
  const cell = { teamId: team.id, dutyId: duty.id, slotId: slot.id };
  return { ...cell, current: await readCell(organizationId, cell) };
}

function withoutId<T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, "id"> {
  return rest;
}

function conflict(current: TAssignmentCell, expected: number | undefined): TSetAssignmentResult {
  const now = `${current.level === null ? "empty" : `"${current.level}"`} (version ${current.version})`;
  const message =
    expected === undefined
      ? `This cell kept changing while you wrote it: it is now ${now}. Try again.`
      : `This cell has changed since you saw version ${expected}: it is now ${now}. Look at it and try again.`;
  return { ok: false, message, assignment: current };
}
