import { PM_ROLE, PO_ROLE, type TRemitMap } from "./model";

export type TFirstStepId = "team" | "people" | "holders" | "owners";

/** One step of setting up a map: whether it is done, and the team to do it in next while it is not. */
export type TFirstStep = { id: TFirstStepId; isDone: boolean; team: { id: string; key: string; name: string } | null };

/**
 * The first steps of a new organisation's map, in order: create a team, add people, fill a team's PO and PM slots,
 * and make someone accountable for every required duty of a team (the PO/PM split does it in one step). A step about
 * teams is done once one team has done it: the steps teach the way, they do not audit the map (its flags do). While
 * it is not done, the step names the first team (in the map's order) that could do it.
 */
export function firstSteps(map: TRemitMap): TFirstStep[] {
  const leads = new Map<string, { count: number; held: number }>();
  for (const slot of map.slots) {
    if (slot.role !== PO_ROLE && slot.role !== PM_ROLE) continue;
    const team = leads.get(slot.teamId) ?? { count: 0, held: 0 };
    team.count++;
    if (slot.holderId !== null) team.held++;
    leads.set(slot.teamId, team);
  }
  const owned = new Set<string>();
  for (const assignment of map.assignments) {
    if (assignment.level === "accountable") owned.add(`${assignment.teamId}:${assignment.dutyId}`);
  }
  const required = map.duties.filter((duty) => duty.required);
  const isHeld = (teamId: string) => {
    const team = leads.get(teamId);
    return team !== undefined && team.held === team.count;
  };
  const isOwned = (teamId: string) => required.every((duty) => owned.has(`${teamId}:${duty.id}`));
  const step = (id: TFirstStepId, isDoneIn: (teamId: string) => boolean): TFirstStep => {
    if (map.teams.some((team) => isDoneIn(team.id))) return { id, isDone: true, team: null };
    const next = map.teams.find((team) => leads.has(team.id)) ?? map.teams[0];
    return { id, isDone: false, team: next ? { id: next.id, key: next.key, name: next.name } : null };
  };
  return [
    { id: "team", isDone: map.teams.length > 0, team: null },
    { id: "people", isDone: map.people.length > 0, team: null },
    step("holders", isHeld),
    step("owners", isOwned),
  ];
}
