import { moveToPosition } from "./ordering";
import { compareDuties, type TDuty, type TRemitMap } from "./model";

export type TDutyRow = {
  duty: TDuty;
  /** Assignments at any level, in every team: what removing the duty takes with it. */
  assignmentCount: number;
  /** Teams where some slot has the duty at any level. */
  teamCount: number;
};

/** How much each duty is used, by duty id (a duty nobody has is left out). */
export type TDutyUsage = Record<string, { assignments: number; teams: number }>;

/** How much each duty of the map is used: its assignments at any level, and the teams they are in. */
export function dutyUsage(map: TRemitMap): TDutyUsage {
  const slotTeam = new Map(map.slots.map((slot) => [slot.id, slot.teamId]));
  const assignments = new Map<string, number>();
  const teams = new Map<string, Set<string>>();
  for (const assignment of map.assignments) {
    const teamId = slotTeam.get(assignment.slotId);
    if (teamId === undefined) continue;
    assignments.set(assignment.dutyId, (assignments.get(assignment.dutyId) ?? 0) + 1);
    const set = teams.get(assignment.dutyId) ?? new Set<string>();
    set.add(teamId);
    teams.set(assignment.dutyId, set);
  }
  return Object.fromEntries(
    [...assignments].map(([dutyId, count]) => [dutyId, { assignments: count, teams: teams.get(dutyId)?.size ?? 0 }]),
  );
}

/** The catalogue in order, with how much each duty is used. */
export function dutyRows(duties: readonly TDuty[], usage: TDutyUsage): TDutyRow[] {
  return [...duties].sort(compareDuties).map((duty) => ({
    duty,
    assignmentCount: usage[duty.id]?.assignments ?? 0,
    teamCount: usage[duty.id]?.teams ?? 0,
  }));
}

/**
 * The map with a duty moved to a 0-based position in the catalogue and the duties renumbered 0..n-1, as the server
 * stores a move. For optimistic updates in the browser.
 */
export function withDutyMoved(map: TRemitMap, dutyId: string, position: number): TRemitMap {
  const ordered = [...map.duties].sort(compareDuties);
  const ids = moveToPosition(
    ordered.map((duty) => duty.id),
    dutyId,
    position,
  );
  const rank = new Map(ids.map((id, order) => [id, order]));
  return { ...map, duties: map.duties.map((duty) => ({ ...duty, order: rank.get(duty.id) ?? duty.order })) };
}
