import type { TFlagKind, TMapAnalysis } from "./analyze-map";
import { compareDuties, type TDuty, type TRemitMap, type TTeam } from "./model";
import { initials } from "./team-view";

/** How one duty stands in one team: the heatmap's colour. */
export type TCellState = "owned" | "unowned" | "shared" | "vacant_owner" | "optional_unowned";

export type TOverviewCell = { duty: TDuty; state: TCellState; owners: string[] };

export type TOverviewRow = {
  team: TTeam;
  score: number;
  errors: number;
  warnings: number;
  infos: number;
  kinds: Set<TFlagKind>;
  cells: TOverviewCell[];
};

/** One row per team, one cell per duty: who is accountable (initials, "?" for a vacant slot) and its state. */
export function overviewRows(map: TRemitMap, analysis: TMapAnalysis): TOverviewRow[] {
  const duties = [...map.duties].sort(compareDuties);
  const slots = new Map(map.slots.map((slot) => [slot.id, slot]));
  const people = new Map(map.people.map((person) => [person.id, person]));
  const accountable = new Map<string, string[]>(); // `${teamId}:${dutyId}` -> slot ids
  for (const assignment of map.assignments) {
    if (assignment.level !== "accountable") continue;
    const slot = slots.get(assignment.slotId);
    if (!slot) continue;
    const key = `${slot.teamId}:${assignment.dutyId}`;
    accountable.set(key, [...(accountable.get(key) ?? []), slot.id]);
  }
  const analysisByTeam = new Map(analysis.teams.map((entry) => [entry.team.id, entry]));
  return map.teams.map((team) => {
    const teamAnalysis = analysisByTeam.get(team.id);
    const cells = duties.map((duty): TOverviewCell => {
      const owners = (accountable.get(`${team.id}:${duty.id}`) ?? []).map((slotId) => slots.get(slotId)!);
      const labels = owners.map((slot) => {
        const holder = slot.holderId ? people.get(slot.holderId) : undefined;
        return holder ? initials(holder.name) : "?";
      });
      let state: TCellState;
      if (owners.length === 0) state = duty.required ? "unowned" : "optional_unowned";
      else if (owners.length > 1) state = "shared";
      else state = owners[0]!.holderId && people.has(owners[0]!.holderId) ? "owned" : "vacant_owner";
      return { duty, state, owners: labels };
    });
    return {
      team,
      score: teamAnalysis?.score ?? 100,
      errors: teamAnalysis?.counts.bySeverity.error ?? 0,
      warnings: teamAnalysis?.counts.bySeverity.warning ?? 0,
      infos: teamAnalysis?.counts.bySeverity.info ?? 0,
      kinds: new Set(teamAnalysis?.flags.map((flag) => flag.kind)),
      cells,
    };
  });
}
