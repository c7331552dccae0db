import { analyzeMap } from "./analyze-map";
import { DEFAULT_DUTIES, type TCatalogueDuty } from "./duty-catalogue";
import { createKeyAllocator } from "./keys";
import {
  NO_TERMS,
  PM_ROLE,
  PO_ROLE,
  RACI_LEVELS,
  type TAssignment,
  type TDuty,
  type TPerson,
  type TRaciLevel,
  type TRemitMap,
  type TSlot,
  type TTeam,
} from "./model";
import { planPoPmSplit } from "./po-pm-split";

export type TGenerateMapOptions = {
  teams: number;
  /** Same seed, same map. */
  seed?: number;
  peoplePerTeam?: number;
};

/** Duties beyond the default catalogue, some of them optional, as organisations add them. */
export const GENERATED_EXTRA_DUTIES: readonly TCatalogueDuty[] = [
  {
    key: "incident-response",
    name: "Incident response",
    description: "Lead the response when the product breaks in production.",
    required: true,
  },
  {
    key: "accessibility",
    name: "Accessibility review",
    description: "Check that the product can be used by everyone.",
    required: false,
  },
  {
    key: "pricing",
    name: "Pricing decisions",
    description: "Decide what the product costs and how it is packaged.",
    required: false,
  },
];

const AREAS = [
  "Checkout",
  "Search",
  "Payments",
  "Onboarding",
  "Identity",
  "Notifications",
  "Billing",
  "Catalogue",
  "Recommendations",
  "Mobile",
  "Growth",
  "Analytics",
  "Messaging",
  "Logistics",
  "Pricing",
  "Support",
  "Partners",
  "Reporting",
  "Inventory",
  "Security",
];
/** Each run of five areas makes a group; a later round's teams make groups of their own ("Commerce 2"). */
const AREA_GROUPS = ["Commerce", "Customer", "Discovery", "Platform"];
const FIRST_NAMES = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Linus",
  "Margaret",
  "Dennis",
  "Barbara",
  "Edsger",
  "Frances",
  "Tim",
  "Radia",
  "Ken",
  "Hedy",
  "John",
  "Shafi",
  "Donald",
  "Joan",
  "Niklaus",
  "Sophie",
];
const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Torvalds",
  "Hamilton",
  "Ritchie",
  "Liskov",
  "Dijkstra",
  "Allen",
  "Berners-Lee",
  "Perlman",
  "Thompson",
  "Lamarr",
  "McCarthy",
  "Goldwasser",
  "Knuth",
  "Clarke",
  "Wirth",
  "Wilson",
];
const CUSTOM_ROLES = [
  "Tech lead",
  "Designer",
  "Engineering manager",
  "Data analyst",
  "QA lead",
  "Engineer",
  "Researcher",
];

// Tunings that give "some" of each problem on a large map, not a broken one.
const VACANCY_RATE = 0.05;
const GUEST_RATE = 0.2;
const DUAL_ROLE_RATE = 0.04;
const IDLE_RATE = 0.08;
const UNOWNED_RATE = 0.05;
const SHARED_RATE = 0.03;

/**
 * A deterministic, realistic-looking map for benchmarks and round-trip tests: about `peoplePerTeam` people and
 * 8 to 12 slots per team (a PO, a PM and custom roles), the default catalogue plus three custom duties (two optional),
 * about 50 assignments per team, and a sprinkling of vacancies, guests from other teams (so people hold slots in
 * several teams), dual roles, overloads, idle slots, unowned duties and shared ownership; a map too small to draw
 * them by chance gets one of each planted (see `plantMissingProblems`). Ids are `<kind>-<n>`.
 */
export function generateMap({ teams: teamCount, seed = 1, peoplePerTeam = 10 }: TGenerateMapOptions): TRemitMap {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (rate: number) => random() < rate;

  const duties: TDuty[] = [...DEFAULT_DUTIES, ...GENERATED_EXTRA_DUTIES].map((duty, order) => ({
    ...duty,
    id: `duty-${order}`,
    order,
  }));
  const requiredDuties = duties.filter((duty) => duty.required);
  const optionalLevels: readonly TRaciLevel[] = RACI_LEVELS.filter((level) => level !== "accountable");

  const personKeys = createKeyAllocator("person");
  const people: TPerson[] = Array.from({ length: teamCount * peoplePerTeam }, (_, index) => {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const key = personKeys.claim(name);
    return {
      id: `person-${index}`,
      key,
      name,
      email: chance(0.7) ? `${key}@example.com` : null,
      capacity: chance(0.85) ? 1 : pick([0.8, 0.5]),
    };
  });

  const teamKeys = createKeyAllocator("team");
  const teams: TTeam[] = [];
  const slots: TSlot[] = [];
  const assignments: TAssignment[] = [];
  let slotCounter = 0;

  for (let ti = 0; ti < teamCount; ti++) {
    const round = Math.floor(ti / AREAS.length);
    const name = `${AREAS[ti % AREAS.length]}${round > 0 ? ` ${round + 1}` : ""}`;
    const team: TTeam = {
      id: `team-${ti}`,
      key: teamKeys.claim(name),
      name,
      description: chance(0.5) ? `The ${name} product team.` : null,
      group: `${AREA_GROUPS[Math.floor((ti % AREAS.length) / 5)]}${round > 0 ? ` ${round + 1}` : ""}`,
    };
    teams.push(team);

    const roles = [PO_ROLE, PM_ROLE, ...Array.from({ length: 6 + Math.floor(random() * 5) }, () => pick(CUSTOM_ROLES))];
    const slotKeys = createKeyAllocator("slot");
    let homeCursor = 0;
    const teamSlots: TSlot[] = roles.map((role, order) => {
      let holderId: string | null = null;
      let allocation = 1;
      if (!chance(VACANCY_RATE)) {
        if (people.length > 0 && chance(GUEST_RATE)) {
          holderId = pick(people).id;
          allocation = pick([0.1, 0.2, 0.25, 0.3]);
        } else if (peoplePerTeam > 0) {
          holderId = people[ti * peoplePerTeam + (homeCursor++ % peoplePerTeam)]!.id;
          allocation = pick([1, 0.8, 0.5, 0.5, 0.4]);
        }
      }
      const title = role !== PO_ROLE && role !== PM_ROLE && chance(0.15) ? `Senior ${role.toLowerCase()}` : null;
      return {
        id: `slot-${slotCounter++}`,
        key: slotKeys.claim(title ?? role),
        teamId: team.id,
        role,
        title,
        holderId,
        ...NO_TERMS,
        allocation,
        order,
      };
    });
    const [po, pm] = teamSlots;
    if (po && pm && po.holderId !== null && chance(DUAL_ROLE_RATE)) {
      pm.holderId = po.holderId;
      po.allocation = 0.5;
      pm.allocation = 0.5;
    }
    slots.push(...teamSlots);

    // Cells of this team, keyed by duty and slot, so no (duty, slot) gets two levels.
    const cells = new Map<string, TAssignment>();
    const cellKey = (dutyId: string, slotId: string) => `${dutyId} ${slotId}`;
    const setCell = (dutyId: string, slotId: string, level: TRaciLevel) => {
      const key = cellKey(dutyId, slotId);
      if (cells.has(key)) return;
      cells.set(key, {
        teamId: team.id,
        dutyId,
        slotId,
        level,
        version: chance(0.1) ? 2 + Math.floor(random() * 3) : 1,
      });
    };

    for (const cell of planPoPmSplit({ teamId: team.id, slots: teamSlots, duties, assignments: [] }).cells) {
      setCell(cell.dutyId, cell.slotId, cell.level);
    }
    const others = teamSlots.slice(2);
    const incident = duties.find((duty) => duty.key === "incident-response")!;
    const firstOther = others[0];
    if (firstOther) setCell(incident.id, firstOther.id, "accountable");
    for (const slot of others) {
      if (chance(IDLE_RATE)) continue;
      const count = 4 + Math.floor(random() * 3);
      for (let i = 0; i < count; i++) setCell(pick(duties).id, slot.id, pick(optionalLevels));
    }
    if (chance(UNOWNED_RATE)) {
      const duty = pick(requiredDuties);
      for (const [key, cell] of cells) {
        if (cell.dutyId === duty.id && cell.level === "accountable") cells.delete(key);
      }
    }
    if (chance(SHARED_RATE) && others.length > 0) {
      const duty = pick(requiredDuties);
      const slot = pick(others);
      const existing = cells.get(cellKey(duty.id, slot.id));
      if (existing) existing.level = "accountable";
      else setCell(duty.id, slot.id, "accountable");
    }
    for (const cell of cells.values()) assignments.push(cell);
  }

  const map = { people, teams, slots, duties, assignments };
  plantMissingProblems(map);
  return map;
}

type TMutableMap = { people: TPerson[]; teams: TTeam[]; slots: TSlot[]; duties: TDuty[]; assignments: TAssignment[] };

/**
 * A small map (ten teams) often draws no dual role, unowned duty or shared ownership at the rates above. Plants one
 * of each problem the map lacks (a dual role, a vacancy, an overload, an unowned duty, shared ownership), each in a
 * slot or cell of its own, so that every generated organisation has them all. Takes no random numbers, so maps large
 * enough to have them all stay exactly as drawn.
 */
function plantMissingProblems(map: TMutableMap): void {
  const first = map.teams[0];
  const last = map.teams.at(-1);
  if (!first || !last) return;
  const { byKind } = analyzeMap(map).counts;
  const slotsOf = (team: TTeam) => map.slots.filter((slot) => slot.teamId === team.id);
  const requiredDuties = map.duties.filter((duty) => duty.required);
  // The slots the plants use in the last team: PO and PM, the first custom slot, and the last one.
  const [po, pm, firstOther] = slotsOf(last);
  const lastOther = slotsOf(last).at(-1);

  if (byKind.dual_role === 0 && po && pm) {
    po.holderId ??= pm.holderId ?? map.people.find((person) => person.id !== firstOther?.holderId)?.id ?? null;
    pm.holderId = po.holderId;
    po.allocation = 0.5;
    pm.allocation = 0.5;
  }
  if (byKind.vacant_slot === 0 && lastOther && lastOther !== firstOther) lastOther.holderId = null;
  if (byKind.overloaded_person === 0 && firstOther) {
    // The first team's PO holder takes on a full-time slot besides their own.
    const busy = slotsOf(first).find((slot) => slot.holderId !== null && slot.id !== firstOther.id);
    if (busy) {
      firstOther.holderId = busy.holderId;
      firstOther.allocation = 1;
    }
  }
  const accountableFor = (team: TTeam, duty: TDuty) =>
    map.assignments.filter(
      (cell) => cell.teamId === team.id && cell.dutyId === duty.id && cell.level === "accountable",
    );
  // Two different required duties, so that both plants can go into a one-team map.
  const [unownedDuty, sharedDuty] = requiredDuties.filter((duty) => accountableFor(first, duty).length === 1);
  if (byKind.unowned_duty === 0 && unownedDuty) {
    const team = map.teams.length > 1 ? map.teams[map.teams.length - 2]! : first;
    const owners = new Set(accountableFor(team, unownedDuty));
    map.assignments = map.assignments.filter((cell) => !owners.has(cell));
  }
  if (byKind.shared_ownership === 0 && sharedDuty) {
    const [owner] = accountableFor(first, sharedDuty);
    const other = slotsOf(first).find((slot) => slot.id !== owner?.slotId);
    if (other) {
      const existing = map.assignments.find((cell) => cell.slotId === other.id && cell.dutyId === sharedDuty.id);
      if (existing) existing.level = "accountable";
      else {
        map.assignments.push({
          teamId: first.id,
          dutyId: sharedDuty.id,
          slotId: other.id,
          level: "accountable",
          version: 1,
        });
      }
    }
  }
}

/** A small, fast, seedable PRNG; good enough for test data, not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
