import { NO_TERMS, type TDuty, type TPerson, type TRaciLevel, type TRemitMap, type TSlot, type TTeam } from "./model";

// ---------------------------------------------------------------------------------------------------------------
// A compact way to write a map: ids spell out what they are ("slot:checkout/po").

export type TSlotSpec = { key: string; role: string; holder?: string; allocation?: number };
export type TTeamSpec = { key: string; slots: TSlotSpec[]; cells?: [duty: string, slot: string, level: TRaciLevel][] };

export function mapOf({
  duties = [],
  people = [],
  teams = [],
}: {
  duties?: (string | { key: string; required: boolean })[];
  people?: (string | { key: string; capacity: number })[];
  teams?: TTeamSpec[];
}): TRemitMap {
  const dutyList: TDuty[] = duties.map((entry, order) => {
    const { key, required } = typeof entry === "string" ? { key: entry, required: true } : entry;
    return { id: `duty:${key}`, key, name: `Duty ${key}`, description: "", required, order };
  });
  const personList: TPerson[] = people.map((entry) => {
    const { key, capacity } = typeof entry === "string" ? { key: entry, capacity: 1 } : entry;
    return { id: `person:${key}`, key, name: `Person ${key}`, email: null, capacity };
  });
  const teamList: TTeam[] = teams.map(({ key }) => ({
    id: `team:${key}`,
    key,
    name: `Team ${key}`,
    description: null,
    group: null,
  }));
  const slots: TSlot[] = teams.flatMap((team) =>
    team.slots.map((slot, order) => ({
      id: `slot:${team.key}/${slot.key}`,
      key: slot.key,
      teamId: `team:${team.key}`,
      role: slot.role,
      title: null,
      holderId: slot.holder ? `person:${slot.holder}` : null,
      ...NO_TERMS,
      allocation: slot.allocation ?? 1,
      order,
    })),
  );
  const assignments = teams.flatMap((team) =>
    (team.cells ?? []).map(([duty, slot, level]) => ({
      teamId: `team:${team.key}`,
      dutyId: `duty:${duty}`,
      slotId: `slot:${team.key}/${slot}`,
      level,
      version: 1,
    })),
  );
  return { duties: dutyList, people: personList, teams: teamList, slots, assignments };
}
