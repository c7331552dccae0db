import {
  compareDuties,
  compareSlots,
  PM_ROLE,
  PO_ROLE,
  type TAssignment,
  type TDuty,
  type TPerson,
  type TRaciLevel,
  type TRemitMap,
  type TSlot,
  type TTeam,
} from "./model";

/** The key of one (duty, slot) cell of a team's matrix. */
export function cellKey(dutyId: string, slotId: string): string {
  return `${dutyId}:${slotId}`;
}

const ROLE_RANK = (role: string) => (role === PO_ROLE ? 0 : role === PM_ROLE ? 1 : 2);

/** PO slots first, then PM, then custom slots, each in their own order. */
export function compareSlotsForMatrix(a: TSlot, b: TSlot): number {
  return ROLE_RANK(a.role) - ROLE_RANK(b.role) || compareSlots(a, b);
}

export type TTeamView = {
  team: TTeam;
  slots: TSlot[];
  duties: TDuty[];
  /** By cellKey(dutyId, slotId). */
  cells: Map<string, TAssignment>;
  peopleById: Map<string, TPerson>;
};

/** What a team's matrix shows, or null when the team is not in the map. */
export function teamView(map: TRemitMap, teamId: string): TTeamView | null {
  const team = map.teams.find((candidate) => candidate.id === teamId);
  if (!team) return null;
  const slots = map.slots.filter((slot) => slot.teamId === teamId).sort(compareSlotsForMatrix);
  const slotIds = new Set(slots.map((slot) => slot.id));
  const cells = new Map<string, TAssignment>();
  for (const assignment of map.assignments) {
    if (slotIds.has(assignment.slotId)) cells.set(cellKey(assignment.dutyId, assignment.slotId), assignment);
  }
  return {
    team,
    slots,
    duties: [...map.duties].sort(compareDuties),
    cells,
    peopleById: new Map(map.people.map((person) => [person.id, person])),
  };
}

export type TCellChange = { teamId: string; dutyId: string; slotId: string; level: TRaciLevel | null };

/**
 * The map with one cell set (or cleared, for a null level). Without `version`, as the server will store it: the
 * cell's version goes up by one (optimistic updates); with it, as another browser's event says it now is.
 */
export function withCell(map: TRemitMap, change: TCellChange, version?: number): TRemitMap {
  const existing = map.assignments.find(
    (assignment) => assignment.dutyId === change.dutyId && assignment.slotId === change.slotId,
  );
  const others = map.assignments.filter((assignment) => assignment !== existing);
  if (change.level === null) return { ...map, assignments: others };
  return {
    ...map,
    assignments: [
      ...others,
      {
        teamId: change.teamId,
        dutyId: change.dutyId,
        slotId: change.slotId,
        level: change.level,
        version: version ?? (existing?.version ?? 0) + 1,
      },
    ],
  };
}

/** The cell's version as the client last saw it; 0 for an empty cell. */
export function cellVersion(map: TRemitMap, dutyId: string, slotId: string): number {
  return (
    map.assignments.find((assignment) => assignment.dutyId === dutyId && assignment.slotId === slotId)?.version ?? 0
  );
}

/** Two or three initials for a person's name ("Dana Demo" -> "DD"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const letters = words.length === 1 ? words[0]!.slice(0, 2) : words[0]![0]! + words[words.length - 1]![0]!;
  return letters.toUpperCase();
}
