import "server-only";
import { cellChange, runWrite } from "@/lib/server/live/run-write";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { findDuty } from "@/lib/server/duties/find-duty";
import { isUniqueViolation } from "@/lib/server/prisma-errors";
import { findSlot } from "@/lib/server/slots/find-slot";
import { findTeam } from "@/lib/server/teams/find-team";
import type { TSetAssignment } from "@/lib/validation/assignments";
import { ASSIGNMENT_CELL_SELECT, type TAssignmentCell } from "./assignment-cell";

export type TSetAssignmentResult =
  | { ok: true; assignment: TAssignmentCell }
  /** The cell changed since the caller saw it; nothing was written. `assignment` is the cell as it is now. */
  | { ok: false; message: string; assignment: TAssignmentCell };

// Each attempt is a compare-and-set on the version; only a write racing this one makes another attempt necessary.
const ATTEMPTS = 3;

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
}: { actor: TActor | null; orgSlug: string; teamId: string } & TSetAssignment): Promise<TSetAssignmentResult> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "edit_map" });
  const organizationId = organization.id;
  const team = await findTeam(db, { organizationId, ref: teamId });
  const duty = await findDuty(db, { organizationId, ref: dutyId, field: "dutyId" });
  const slot = await findSlot(db, { organizationId, team, ref: slotId, field: "slotId" });
  const cell = { teamId: team.id, dutyId: duty.id, slotId: slot.id };
  const empty: TAssignmentCell = { ...cell, level: null, version: 0 };
  const readCurrent = () =>
    db.assignment.findFirst({
      where: { slotId: slot.id, dutyId: duty.id, organizationId },
      select: { id: true, ...ASSIGNMENT_CELL_SELECT },
    });

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const current = await readCurrent();
    if (version !== undefined && version !== (current?.version ?? 0)) {
      return conflict(current ? withoutId(current) : empty, version);
    }
    if (current && current.level === level) return { ok: true, assignment: withoutId(current) };

    if (!current) {
      if (level === null) return { ok: true, assignment: empty };
      try {
        const created = await runWrite(
          (tx) =>
            tx.assignment.create({
              data: { ...cell, organizationId, level, version: 1 },
              select: ASSIGNMENT_CELL_SELECT,
            }),
          (row) => cellChange(organizationId, author, { ...cell, level: row.level, version: row.version }),
        );
        return { ok: true, assignment: created };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
    }

    const unchanged = { id: current.id, organizationId, version: current.version };
    if (level === null) {
      const { count } = await runWrite(
        (tx) => tx.assignment.deleteMany({ where: unchanged }),
        (result) =>
          result.count === 1 ? cellChange(organizationId, author, { ...cell, level: null, version: 0 }) : null,
      );
      if (count === 1) return { ok: true, assignment: empty };
    } else {
      const next = { ...cell, level, version: current.version + 1 };
      const { count } = await runWrite(
        (tx) => tx.assignment.updateMany({ where: unchanged, data: { level, version: next.version } }),
        (result) => (result.count === 1 ? cellChange(organizationId, author, next) : null),
      );
      if (count === 1) return { ok: true, assignment: { ...cell, level, version: current.version + 1 } };
    }
  }
  const current = await readCurrent();
  return conflict(current ? withoutId(current) : empty, version);
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
