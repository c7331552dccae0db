import "server-only";
import { MAP_SLOT_SELECT, toMapSlot } from "@/lib/server/kernel/load-map";
import type { TAssignment, TStandardRole } from "@/lib/domain/model";
import { planPoPmSplit } from "@/lib/domain/po-pm-split";
import { writeMap, type TOrgCall } from "@/lib/server/kernel/map-write";
import { findMapRow } from "@/lib/server/kernel/find-map-row";
import { ASSIGNMENT_CELL_SELECT } from "@/lib/server/kernel/assignment-cell";

export type TAppliedSplit = {
  /** The cells that were empty and now have the split's level, in catalogue order, each at version 1. */
  assignments: TAssignment[];
  /** Standard roles the team has no slot for; their half of the split was left out. */
  missingRoles: TStandardRole[];
  /** Duty keys of the split that the catalogue lacks; those rules were skipped. */
  missingDutyKeys: string[];
};

/**
 * Applies the PO/PM split to a team (see `planPoPmSplit`), in one transaction. Only empty cells are filled: a
 * (duty, slot) that has any level keeps it, including one set by someone else while this runs.
 */
export async function applyPoPmSplit({ teamId, ...call }: TOrgCall & { teamId: string }): Promise<TAppliedSplit> {
  return writeMap({ ...call, action: "team.apply-split", entity: "map" }, async ({ tx, organizationId }) => {
    const team = await findMapRow(tx, "team", { organizationId, ref: teamId });
    const slots = await tx.slot.findMany({
      where: { teamId: team.id, organizationId },
      select: MAP_SLOT_SELECT,
    });
    const duties = await tx.duty.findMany({
      where: { organizationId },
      select: { id: true, key: true, name: true, description: true, required: true, order: true },
    });
    const assignments = await tx.assignment.findMany({
      where: { teamId: team.id, organizationId },
      select: ASSIGNMENT_CELL_SELECT,
    });
    const plan = planPoPmSplit({ teamId: team.id, slots: slots.map(toMapSlot), duties, assignments });
    const created =
      plan.cells.length === 0
        ? []
        : await tx.assignment.createManyAndReturn({
            data: plan.cells.map((cell) => ({ ...cell, organizationId, version: 1 })),
            select: ASSIGNMENT_CELL_SELECT,
            // A cell filled by a concurrent edit since the plan was made keeps that edit.
            skipDuplicates: true,
          });
    const rank = new Map(plan.cells.map((cell, index) => [`${cell.dutyId} ${cell.slotId}`, index]));
    created.sort((a, b) => rank.get(`${a.dutyId} ${a.slotId}`)! - rank.get(`${b.dutyId} ${b.slotId}`)!);
    return { assignments: created, missingRoles: plan.missingRoles, missingDutyKeys: plan.missingDutyKeys };
  });
}
