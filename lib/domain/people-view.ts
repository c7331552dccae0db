import type {
  TAtAnySeverity,
  TDualRoleFlag,
  TMapAnalysis,
  TOverloadedPersonFlag,
  TPersonSpreadFlag,
  TPoSpreadFlag,
  TRuleFlag,
} from "./analyze-map";

/** A person's flags the people screens show, at whatever severity the organisation's rules give them. */
export type TPersonFlag = TAtAnySeverity<TOverloadedPersonFlag | TDualRoleFlag> | TPoSpreadFlag | TPersonSpreadFlag;
import {
  compareDuties,
  compareNames,
  compareSlots,
  RACI_LEVELS,
  type TDuty,
  type TPerson,
  type TRaciLevel,
  type TRemitMap,
  type TSlot,
  type TTeam,
} from "./model";

/** One slot a person holds, with its team. */
export type THolding = { slot: TSlot; team: TTeam; label: string };

export type TPersonRow = {
  person: TPerson;
  /** By team name, then slot order. */
  holdings: THolding[];
  /** The sum of their slots' allocations, in full-time equivalents, without floating-point noise. */
  allocated: number;
  /** Their overload flag, dual-role flags and (when those rules are on) spread flags, as the analysis found them. */
  flags: TPersonFlag[];
  isOverloaded: boolean;
};

/** "PO", or "Engineer · Payments API" when the slot has a title. */
export function slotLabel(slot: Pick<TSlot, "role" | "title">): string {
  return slot.title ? `${slot.role} · ${slot.title}` : slot.role;
}

/** Everyone in the map by name, with the slots they hold, their allocation and their flags. */
export function peopleRows(map: TRemitMap, analysis: TMapAnalysis<TRuleFlag>): TPersonRow[] {
  const holdings = holdingsByPerson(map);
  const flagsByPerson = new Map<string, TPersonFlag[]>();
  for (const flag of analysis.flags) {
    if (
      flag.kind !== "overloaded_person" &&
      flag.kind !== "dual_role" &&
      flag.kind !== "po_spread" &&
      flag.kind !== "person_spread"
    ) {
      continue;
    }
    const list = flagsByPerson.get(flag.person.id) ?? [];
    list.push(flag);
    flagsByPerson.set(flag.person.id, list);
  }
  return [...map.people].sort(compareNames).map((person) => {
    const held = holdings.get(person.id) ?? [];
    const flags = flagsByPerson.get(person.id) ?? [];
    return {
      person,
      holdings: held,
      allocated: roundAllocation(held.reduce((sum, holding) => sum + holding.slot.allocation, 0)),
      // Overload first: it is about the person; dual roles are about one team each.
      flags: [...flags].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "overloaded_person" ? -1 : 1)),
      isOverloaded: flags.some((flag) => flag.kind === "overloaded_person"),
    };
  });
}

/** The rows whose name or email contains `text` (any case), only the overloaded ones if asked; order kept. */
export function filterPeopleRows(
  rows: readonly TPersonRow[],
  { text, isOverloadedOnly }: { text: string; isOverloadedOnly: boolean },
): TPersonRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!isOverloadedOnly || row.isOverloaded) &&
      (!needle ||
        row.person.name.toLowerCase().includes(needle) ||
        (row.person.email?.toLowerCase().includes(needle) ?? false)),
  );
}

/** The people directory's page size: a large organisation has thousands of people, and each row lists slots and flags. */
export const PEOPLE_PAGE_SIZE = 50;

/** The longest text a search for people looks for. */
export const PEOPLE_FIND_MAX_LENGTH = 200;

/** Which people the directory shows: those whose name or email holds `find`, only the overloaded ones, a page of them. */
export type TPeopleQuery = { find?: string; isOverloadedOnly?: boolean; offset?: number; limit?: number };

/** The directory's page as it opens: the first of everyone. */
export const FIRST_PEOPLE_PAGE: TPeopleQuery = { offset: 0, limit: PEOPLE_PAGE_SIZE };

/** How many people the organisation has, how many the query matches, and how many of all are over capacity. */
export type TPeopleCounts = { total: number; matching: number; overloaded: number };

/**
 * A page of the people directory, from the people part of the map (see peopleSlice) and its rows (peopleRows): the
 * matching people by name from `offset` (at most `limit`), with the slots they hold and those slots' teams, so that
 * analysing the page gives each of them the flags the whole map gives them (a person's flags depend on their own
 * slots only); and the counts the directory states.
 */
export function peoplePage(
  people: TRemitMap,
  rows: readonly TPersonRow[],
  { find = "", isOverloadedOnly = false, offset = 0, limit = Infinity }: TPeopleQuery,
): { map: TRemitMap; counts: TPeopleCounts } {
  const matching = filterPeopleRows(rows, { text: find, isOverloadedOnly });
  const shown = matching.slice(offset, offset + limit);
  const shownIds = new Set(shown.map((row) => row.person.id));
  // In the map's order, as the whole map has them: flags list slots and teams in the order they are met.
  const slots = people.slots.filter((slot) => slot.holderId !== null && shownIds.has(slot.holderId));
  const teamIds = new Set(slots.map((slot) => slot.teamId));
  return {
    map: {
      people: people.people.filter((person) => shownIds.has(person.id)),
      teams: people.teams.filter((team) => teamIds.has(team.id)),
      slots,
      duties: [],
      assignments: [],
    },
    counts: {
      total: rows.length,
      matching: matching.length,
      overloaded: rows.filter((row) => row.isOverloaded).length,
    },
  };
}

/** The slots a person holds, which become vacant if they are removed. */
export function holdingsOf(map: TRemitMap, personId: string): THolding[] {
  return holdingsByPerson(map).get(personId) ?? [];
}

export type TPersonDuty = { team: TTeam; duty: TDuty; slot: TSlot; slotLabel: string; level: TRaciLevel };

/** Every duty a person has through the slots they hold: by team name, then catalogue order, then slot order. */
export function personDuties(map: TRemitMap, personId: string): TPersonDuty[] {
  const teams = new Map(map.teams.map((team) => [team.id, team]));
  const duties = new Map(map.duties.map((duty) => [duty.id, duty]));
  const slots = new Map(
    map.slots.filter((slot) => slot.holderId === personId && teams.has(slot.teamId)).map((slot) => [slot.id, slot]),
  );
  const rows: TPersonDuty[] = [];
  for (const assignment of map.assignments) {
    const slot = slots.get(assignment.slotId);
    const duty = duties.get(assignment.dutyId);
    if (!slot || !duty) continue;
    rows.push({ team: teams.get(slot.teamId)!, duty, slot, slotLabel: slotLabel(slot), level: assignment.level });
  }
  return rows.sort(
    (a, b) =>
      compareNames(a.team, b.team) ||
      compareDuties(a.duty, b.duty) ||
      compareSlots(a.slot, b.slot) ||
      RACI_LEVELS.indexOf(a.level) - RACI_LEVELS.indexOf(b.level),
  );
}

/** Full-time equivalents as a person reads them: at least one decimal, at most two ("1.0", "0.5", "0.75"). */
export function formatFte(value: number): string {
  const fixed = value.toFixed(2);
  return fixed.endsWith("0") ? fixed.slice(0, -1) : fixed;
}

/** How full the allocation bar is, 0..1; someone with no capacity who holds a slot is full. */
export function allocationShare(allocated: number, capacity: number): number {
  if (allocated <= 0) return 0;
  if (capacity <= 0) return 1;
  return Math.min(allocated / capacity, 1);
}

function holdingsByPerson(map: TRemitMap): Map<string, THolding[]> {
  const teams = new Map(map.teams.map((team) => [team.id, team]));
  const byPerson = new Map<string, THolding[]>();
  for (const slot of map.slots) {
    const team = teams.get(slot.teamId);
    if (slot.holderId === null || !team) continue;
    const list = byPerson.get(slot.holderId) ?? [];
    list.push({ slot, team, label: slotLabel(slot) });
    byPerson.set(slot.holderId, list);
  }
  for (const list of byPerson.values()) {
    list.sort((a, b) => compareNames(a.team, b.team) || compareSlots(a.slot, b.slot));
  }
  return byPerson;
}

function roundAllocation(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
