import type { TRemitMap } from "./model";
import type { TPeopleQuery } from "./people-view";

/**
 * Which part of the map a screen works on: all of it, what one team's page needs, what one person's page needs,
 * everyone with their slots, a page of the people directory, or the duty catalogue's duties. For 1,000 teams the
 * whole map is megabytes; each part is a small fraction of it, and analysing a part gives exactly the flags its
 * screen shows (see each slice).
 */
export type TMapScope =
  { teamId: string } | { personId: string } | { people: TPeopleQuery } | "people" | "roster" | "duties";

/** The part of the map for `scope`, or null when its team or person is not in the map. */
export function mapSlice(map: TRemitMap, scope: TMapScope): TRemitMap | null {
  if (scope === "people") return peopleSlice(map);
  if (scope === "roster") return { ...EMPTY, people: map.people };
  // How much each duty is used comes beside it (see dutyUsage): the cells it counts are most of a map.
  if (scope === "duties") return { ...EMPTY, duties: map.duties };
  // A page of the directory is cut from the people part by what its analysis says (see peoplePage).
  if ("people" in scope) return peopleSlice(map);
  return "teamId" in scope ? teamSlice(map, scope.teamId) : personSlice(map, scope.personId);
}

const EMPTY: TRemitMap = { people: [], teams: [], slots: [], duties: [], assignments: [] };

/**
 * One team's page: the team with its slots and assignments, every duty, its holders, and the other slots they fill
 * in other teams (with those teams, without their assignments), so that analysing the slice gives exactly the
 * team's flags, overloads included. Everyone else (to pick a holder from) is the "roster" part.
 */
export function teamSlice(map: TRemitMap, teamId: string): TRemitMap | null {
  const team = map.teams.find((candidate) => candidate.id === teamId);
  if (!team) return null;
  const holders = new Set<string>();
  for (const slot of map.slots) if (slot.teamId === teamId && slot.holderId) holders.add(slot.holderId);
  const slots = map.slots.filter((slot) => slot.teamId === teamId || (slot.holderId && holders.has(slot.holderId)));
  const teamIds = new Set(slots.map((slot) => slot.teamId));
  return {
    people: map.people.filter((person) => holders.has(person.id)),
    duties: map.duties,
    teams: map.teams.filter((candidate) => teamIds.has(candidate.id) || candidate.id === teamId),
    slots,
    assignments: map.assignments.filter((assignment) => assignment.teamId === teamId),
  };
}

/**
 * One person's page: the person, the slots they hold with those slots' assignments and teams, and every duty. Their
 * overload and dual-role flags come out of analysing it as they do from the whole map.
 */
export function personSlice(map: TRemitMap, personId: string): TRemitMap | null {
  const person = map.people.find((candidate) => candidate.id === personId);
  if (!person) return null;
  const slots = map.slots.filter((slot) => slot.holderId === personId);
  const slotIds = new Set(slots.map((slot) => slot.id));
  const teamIds = new Set(slots.map((slot) => slot.teamId));
  return {
    people: [person],
    duties: map.duties,
    teams: map.teams.filter((team) => teamIds.has(team.id)),
    slots,
    assignments: map.assignments.filter((assignment) => slotIds.has(assignment.slotId)),
  };
}

/**
 * The people directory: people, teams and slots, without duties or assignments (most of a map), which no person's
 * allocation, overload or dual role depends on.
 */
export function peopleSlice(map: TRemitMap): TRemitMap {
  return { people: map.people, teams: map.teams, slots: map.slots, duties: [], assignments: [] };
}

/**
 * Whether a part of the map holds the cell (duty, slot) of `teamId`, so that a change to it should be applied there:
 * the whole map does; a team's part only for its own team (the other slots it carries come without their cells);
 * a person's part for the slots they hold; the people directory, the roster and the duties never (they have no cells).
 */
export function sliceHoldsCell(
  scope: TMapScope | undefined,
  map: TRemitMap,
  cell: { teamId: string; slotId: string },
): boolean {
  if (scope === undefined) return true;
  if (scope === "people" || scope === "roster" || scope === "duties" || "people" in scope) return false;
  if ("teamId" in scope) return scope.teamId === cell.teamId;
  return map.slots.some((slot) => slot.id === cell.slotId);
}
