import {
  compareDuties,
  compareSlots,
  PM_ROLE,
  PO_ROLE,
  type TAssignment,
  type TDuty,
  type TRaciLevel,
  type TSlot,
  type TStandardRole,
} from "./model";

export type TSplitRule = { dutyKey: string; role: TStandardRole; level: TRaciLevel };

/**
 * The product owner / product manager split: the PO owns the vision and the direction, the PM owns the day-to-day,
 * the research and the data, and shares the work of stakeholders, customer needs and delivery.
 */
export const PO_PM_SPLIT: readonly TSplitRule[] = [
  { dutyKey: "vision", role: PO_ROLE, level: "accountable" },
  { dutyKey: "strategy", role: PO_ROLE, level: "accountable" },
  { dutyKey: "feature-decisions", role: PO_ROLE, level: "accountable" },
  { dutyKey: "roadmap", role: PO_ROLE, level: "accountable" },
  { dutyKey: "stakeholders", role: PO_ROLE, level: "accountable" },
  { dutyKey: "stakeholders", role: PM_ROLE, level: "responsible" },
  { dutyKey: "customer-needs", role: PO_ROLE, level: "accountable" },
  { dutyKey: "customer-needs", role: PM_ROLE, level: "responsible" },
  { dutyKey: "delivery", role: PO_ROLE, level: "accountable" },
  { dutyKey: "delivery", role: PM_ROLE, level: "responsible" },
  { dutyKey: "day-to-day", role: PM_ROLE, level: "accountable" },
  { dutyKey: "market-research", role: PM_ROLE, level: "accountable" },
  { dutyKey: "market-research", role: PO_ROLE, level: "consulted" },
  { dutyKey: "data-analysis", role: PM_ROLE, level: "accountable" },
  { dutyKey: "data-analysis", role: PO_ROLE, level: "consulted" },
];

/** Which standard role the split makes accountable for a duty key, if any. */
export function splitOwnerOf(dutyKey: string): TStandardRole | null {
  return PO_PM_SPLIT.find((rule) => rule.dutyKey === dutyKey && rule.level === "accountable")?.role ?? null;
}

/**
 * Which role each duty of the split leans to: the role accountable for it, when the other role does none of its work
 * (is at most consulted). Stakeholders, customer needs and delivery are shared (the PM is responsible), so they lean
 * nowhere. The default of the `lean_mismatch` rule.
 */
export const PO_PM_LEAN: Readonly<Record<string, TStandardRole>> = Object.freeze(
  Object.fromEntries(
    PO_PM_SPLIT.filter(
      (rule) =>
        rule.level === "accountable" &&
        !PO_PM_SPLIT.some((other) => other.dutyKey === rule.dutyKey && other.level === "responsible"),
    ).map((rule) => [rule.dutyKey, rule.role]),
  ),
);

export type TAssignmentCell = Pick<TAssignment, "teamId" | "dutyId" | "slotId" | "level">;

export type TSplitPlan = {
  /** The cells to create, in catalogue order (PO before PM within a duty). Empty when there is nothing to do. */
  cells: TAssignmentCell[];
  /** Standard roles the team has no slot for; their half of the split was left out. */
  missingRoles: TStandardRole[];
  /** Duty keys of the split that the organisation's catalogue lacks; those rules were skipped. */
  missingDutyKeys: string[];
};

/**
 * The cells that apply the PO/PM split to one team. Pure: the caller persists `cells`.
 *
 * - Rules go to the team's first PO slot and first PM slot (by slot order, then key); roles must be canonical
 *   (`PO`/`PM`, see `normalizeRole`).
 * - A team without a PO slot gets only the PM half, and vice versa; no slot is created, and `missingRoles` says
 *   which role was missing so the caller can offer to add it. A team with neither gets nothing.
 * - Only empty cells are filled: a (duty, slot) that already has any level keeps it. Another slot's level on the
 *   same duty does not matter; the analysis will flag any shared ownership that results.
 * - Duties are matched by key; keys the catalogue lacks are skipped and listed in `missingDutyKeys`.
 * So applying the cells and planning again yields no cells.
 */
export function planPoPmSplit(input: {
  teamId: string;
  /** The team's slots; slots of other teams are ignored. */
  slots: readonly TSlot[];
  duties: readonly TDuty[];
  /** Existing assignments; those of other slots are ignored. */
  assignments: readonly TAssignment[];
}): TSplitPlan {
  const { teamId } = input;
  const teamSlots = input.slots.filter((slot) => slot.teamId === teamId).sort(compareSlots);
  const slotByRole: Record<TStandardRole, TSlot | undefined> = {
    PO: teamSlots.find((slot) => slot.role === PO_ROLE),
    PM: teamSlots.find((slot) => slot.role === PM_ROLE),
  };
  const missingRoles = ([PO_ROLE, PM_ROLE] as const).filter((role) => !slotByRole[role]);

  const targetSlotIds = new Set([slotByRole.PO?.id, slotByRole.PM?.id].filter((id) => id !== undefined));
  const filled = new Set<string>();
  for (const assignment of input.assignments) {
    if (targetSlotIds.has(assignment.slotId)) filled.add(cellKey(assignment.dutyId, assignment.slotId));
  }

  const dutyByKey = new Map(input.duties.map((duty) => [duty.key, duty]));
  const missingDutyKeys = [...new Set(PO_PM_SPLIT.map((rule) => rule.dutyKey))].filter((key) => !dutyByKey.has(key));

  const planned = PO_PM_SPLIT.flatMap((rule) => {
    const duty = dutyByKey.get(rule.dutyKey);
    const slot = slotByRole[rule.role];
    if (!duty || !slot || filled.has(cellKey(duty.id, slot.id))) return [];
    return [{ duty, role: rule.role, cell: { teamId, dutyId: duty.id, slotId: slot.id, level: rule.level } }];
  });
  planned.sort((a, b) => compareDuties(a.duty, b.duty) || (a.role === b.role ? 0 : a.role === PO_ROLE ? -1 : 1));

  return { cells: planned.map((entry) => entry.cell), missingRoles, missingDutyKeys };
}

function cellKey(dutyId: string, slotId: string): string {
  return `${dutyId}\u0000${slotId}`;
}
