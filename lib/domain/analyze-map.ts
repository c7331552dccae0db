import { scoreOrganization, scoreTeam, type TSeverity } from "./health-score";
import {
  compareDuties,
  compareKeys,
  compareSlots,
  PM_ROLE,
  PO_ROLE,
  type TDuty,
  type TEntityRef,
  type TPerson,
  type TRemitMap,
  type TSlot,
  type TTeam,
} from "./model";
import { splitOwnerOf } from "./po-pm-split";

// A flag's severity is what the score charges for it; callers read both from here.
export { SEVERITIES, type TSeverity } from "./health-score";

export const FLAG_KINDS = [
  "unowned_duty",
  "shared_ownership",
  "vacant_slot",
  "dual_role",
  "overloaded_person",
  "idle_slot",
] as const;
export type TFlagKind = (typeof FLAG_KINDS)[number];

type TFlagBase = {
  /** Stable across runs for the same problem, for list keys and for diffing two analyses. */
  id: string;
  /** What is wrong and how to fix it, with names. */
  message: string;
};

/** A required duty has no accountable slot in a team. */
export type TUnownedDutyFlag = TFlagBase & {
  kind: "unowned_duty";
  severity: "error";
  team: TEntityRef;
  duty: TEntityRef;
};

/** Two or more slots of one team are accountable for the same duty. */
export type TSharedOwnershipFlag = TFlagBase & {
  kind: "shared_ownership";
  severity: "error";
  team: TEntityRef;
  duty: TEntityRef;
  /** Every accountable slot, in slot order. */
  slots: TEntityRef[];
};

/** A slot has no holder: an error when it is accountable for something, else a warning. */
export type TVacantSlotFlag = TFlagBase & {
  kind: "vacant_slot";
  severity: "error" | "warning";
  team: TEntityRef;
  slot: TEntityRef;
  /** Duties the slot is accountable for, in catalogue order; empty for the warning. */
  duties: TEntityRef[];
};

/** One person holds both a PO slot and a PM slot in the same team. */
export type TDualRoleFlag = TFlagBase & {
  kind: "dual_role";
  severity: "warning";
  team: TEntityRef;
  person: TEntityRef;
  /** The person's PO and PM slots in the team, in slot order. */
  slots: TEntityRef[];
};

export type THolding = { team: TEntityRef; slot: TEntityRef; allocation: number };

/** A person's slot allocations, across all teams, add up to more than their capacity. */
export type TOverloadedPersonFlag = TFlagBase & {
  kind: "overloaded_person";
  severity: "warning";
  person: TEntityRef;
  /** Distinct teams where the person holds a slot, by team key. */
  teams: TEntityRef[];
  holdings: THolding[];
  /** Sum of the allocations, rounded to 6 decimals to hide floating-point noise. */
  allocated: number;
  capacity: number;
};

/** A filled slot has no assignment at any level. */
export type TIdleSlotFlag = TFlagBase & {
  kind: "idle_slot";
  severity: "info";
  team: TEntityRef;
  slot: TEntityRef;
  person: TEntityRef;
};

export type TFlag =
  TUnownedDutyFlag | TSharedOwnershipFlag | TVacantSlotFlag | TDualRoleFlag | TOverloadedPersonFlag | TIdleSlotFlag;

export type TFlagCounts = {
  total: number;
  bySeverity: Record<TSeverity, number>;
  byKind: Record<TFlagKind, number>;
};

export type TTeamAnalysis = {
  team: TEntityRef;
  /** 0..100, see `scoreTeam`. */
  score: number;
  counts: TFlagCounts;
  /** The team's flags, then the overloaded-person flags of everyone holding a slot in it. */
  flags: TFlag[];
};

export type TMapAnalysis = {
  /** Mean of the team scores; null when there are no teams. */
  score: number | null;
  /** Each flag once; an overloaded person counts once however many teams they are on. */
  counts: TFlagCounts;
  /** Team flags in team order, then overloaded-person flags in people order. */
  flags: TFlag[];
  /** One entry per team, in the order of `map.teams`. */
  teams: TTeamAnalysis[];
};

/** Sums of allocations such as 0.1 + 0.2 miss their decimal value by far less than this. */
export const ALLOCATION_EPSILON = 1e-9;

/**
 * Every gap and overlap in an organisation's map, with counts and health scores.
 *
 * Linear in the size of the map: everything is indexed by id once, and each assignment is visited once.
 * Rows that point at something missing (an assignment to an unknown slot or duty, a slot of an unknown team) are
 * ignored, a slot whose holder is unknown counts as vacant, and an assignment belongs to its slot's team.
 */
export function analyzeMap(map: TRemitMap): TMapAnalysis {
  const { teams, slots, people } = map;
  const duties = [...map.duties].sort(compareDuties);
  const dutyCount = duties.length;

  const teamIndex = indexById(teams);
  const dutyIndex = indexById(duties);
  const personIndex = indexById(people);
  const slotIndex = indexById(slots);

  // Each slot's team and holder (-1 when unknown or vacant), and what each person is allocated in all.
  const slotTeam = new Int32Array(slots.length).fill(-1);
  const slotHolder = new Int32Array(slots.length).fill(-1);
  const personAllocated = new Float64Array(people.length);
  const teamSlotStart = new Int32Array(teams.length + 1);
  for (let si = 0; si < slots.length; si++) {
    const slot = slots[si]!;
    const ti = teamIndex.get(slot.teamId);
    if (ti === undefined) continue;
    slotTeam[si] = ti;
    teamSlotStart[ti + 1]!++;
    const pi = slot.holderId === null ? undefined : personIndex.get(slot.holderId);
    if (pi === undefined) continue;
    slotHolder[si] = pi;
    personAllocated[pi] = personAllocated[pi]! + slot.allocation;
  }

  // Slots grouped by team in one flat array (team ti owns [start[ti], start[ti + 1])), each group in slot order.
  for (let ti = 0; ti < teams.length; ti++) teamSlotStart[ti + 1]! += teamSlotStart[ti]!;
  const teamSlotList = new Int32Array(teamSlotStart[teams.length]!);
  const fillAt = teamSlotStart.slice(0, teams.length);
  for (let si = 0; si < slots.length; si++) {
    const ti = slotTeam[si]!;
    if (ti >= 0) teamSlotList[fillAt[ti]!++] = si;
  }
  const bySlotOrder = (a: number, b: number) => compareSlots(slots[a]!, slots[b]!);
  const slotsOfTeam = (ti: number) => teamSlotList.subarray(teamSlotStart[ti]!, teamSlotStart[ti + 1]!);
  for (let ti = 0; ti < teams.length; ti++) {
    const group = slotsOfTeam(ti);
    if (!isSorted(group, bySlotOrder)) group.sort(bySlotOrder);
  }

  // One pass over the assignments: who is accountable for each (team, duty) cell, and which slots have any duty.
  const accountableCount = new Int32Array(teams.length * dutyCount);
  const firstAccountable = new Int32Array(teams.length * dutyCount);
  const sharedAccountable = new Map<number, number[]>();
  const slotHasAssignment = new Uint8Array(slots.length);
  const vacantAccountableFor = new Map<number, number[]>();
  for (const assignment of map.assignments) {
    const si = slotIndex.get(assignment.slotId);
    const di = dutyIndex.get(assignment.dutyId);
    if (si === undefined || di === undefined) continue;
    const ti = slotTeam[si]!;
    if (ti < 0) continue;
    slotHasAssignment[si] = 1;
    if (assignment.level !== "accountable") continue;

    const cell = ti * dutyCount + di;
    if (accountableCount[cell] === 0) {
      firstAccountable[cell] = si;
      accountableCount[cell] = 1;
    } else {
      const list = sharedAccountable.get(cell) ?? [firstAccountable[cell]!];
      // A duplicated row for the same slot is still one accountable slot.
      if (list.includes(si)) continue;
      list.push(si);
      sharedAccountable.set(cell, list);
      accountableCount[cell] = list.length;
    }
    if (slotHolder[si] === -1) pushTo(vacantAccountableFor, si, di);
  }

  const teamRefs = teams.map(ref);
  const dutyRefs = duties.map(ref);
  // Labels are only needed for the few slots that get a flag, so they are made on demand.
  const labelOf = (si: number) => slotLabel(si, slotsOfTeam(slotTeam[si]!), slots);

  // Overloaded people, attached to every team where they hold a slot.
  const overloadedAt = new Int32Array(people.length).fill(-1);
  const overloadedHoldings: number[][] = [];
  for (let pi = 0; pi < people.length; pi++) {
    if (personAllocated[pi]! > people[pi]!.capacity + ALLOCATION_EPSILON) {
      overloadedAt[pi] = overloadedHoldings.length;
      overloadedHoldings.push([]);
    }
  }
  for (let si = 0; si < slots.length; si++) {
    const pi = slotHolder[si]!;
    if (pi >= 0 && overloadedAt[pi]! >= 0) overloadedHoldings[overloadedAt[pi]!]!.push(si);
  }
  const overloadFlags: TOverloadedPersonFlag[] = [];
  const teamOverloads: (TOverloadedPersonFlag[] | undefined)[] = new Array(teams.length);
  for (let pi = 0; pi < people.length; pi++) {
    if (overloadedAt[pi] === -1) continue;
    const holdings = overloadedHoldings[overloadedAt[pi]!]!;
    // By team key, so that the flag reads the same whatever order the teams come in.
    holdings.sort(
      (a, b) =>
        compareKeys(teams[slotTeam[a]!]!.key, teams[slotTeam[b]!]!.key) ||
        slotTeam[a]! - slotTeam[b]! ||
        bySlotOrder(a, b),
    );
    const teamIndices: number[] = [];
    for (const si of holdings) {
      const ti = slotTeam[si]!;
      if (teamIndices[teamIndices.length - 1] !== ti) teamIndices.push(ti);
    }
    const flag = overloadedPerson(people[pi]!, personAllocated[pi]!, teamIndices, holdings, {
      teams,
      teamRefs,
      slots,
      slotTeam,
    });
    overloadFlags.push(flag);
    for (const ti of teamIndices) (teamOverloads[ti] ??= []).push(flag);
  }

  const flags: TFlag[] = [];
  const teamResults: TTeamAnalysis[] = [];
  const poSlots: number[] = [];
  const pmSlots: number[] = [];
  for (let ti = 0; ti < teams.length; ti++) {
    const team = teams[ti]!;
    const teamRef = teamRefs[ti]!;
    const own: TFlag[] = [];

    for (let di = 0; di < dutyCount; di++) {
      const duty = duties[di]!;
      const cell = ti * dutyCount + di;
      const count = accountableCount[cell]!;
      if (count === 0 && duty.required) {
        own.push(unownedDuty(team, teamRef, duty, dutyRefs[di]!));
      } else if (count >= 2) {
        const holders = sharedAccountable.get(cell)!.sort(bySlotOrder);
        own.push(sharedOwnership(team, teamRef, duty, dutyRefs[di]!, holders, slots, holders.map(labelOf)));
      }
    }

    poSlots.length = 0;
    pmSlots.length = 0;
    const teamSlots = slotsOfTeam(ti);
    for (const si of teamSlots) {
      const slot = slots[si]!;
      const pi = slotHolder[si]!;
      if (pi === -1) {
        const accountableFor = vacantAccountableFor.get(si) ?? [];
        own.push(vacantSlot(team, teamRef, slot, labelOf(si), accountableFor, duties, dutyRefs));
        continue;
      }
      if (!slotHasAssignment[si]) own.push(idleSlot(team, teamRef, slot, labelOf(si), people[pi]!));
      if (slot.role === PO_ROLE) poSlots.push(si);
      else if (slot.role === PM_ROLE) pmSlots.push(si);
    }
    if (poSlots.length > 0 && pmSlots.length > 0) {
      for (const pi of dualRoleHolders(poSlots, pmSlots, slotHolder)) {
        const both = [...poSlots, ...pmSlots].filter((si) => slotHolder[si] === pi).sort(bySlotOrder);
        own.push(
          dualRole(
            team,
            teamRef,
            people[pi]!,
            both.map((si) => ref(slots[si]!)),
          ),
        );
      }
    }

    for (const flag of own) flags.push(flag);
    const overloads = teamOverloads[ti];
    const teamFlags = overloads ? [...own, ...overloads] : own;
    const counts = countFlags(teamFlags);
    teamResults.push({
      team: teamRef,
      score: scoreTeam(counts.bySeverity, teamSlots.length),
      counts,
      flags: teamFlags,
    });
  }
  for (const flag of overloadFlags) flags.push(flag);

  return {
    score: scoreOrganization(teamResults.map((result) => result.score)),
    counts: countFlags(flags),
    flags,
    teams: teamResults,
  };
}

/** People holding at least one of the PO slots and one of the PM slots, in the order of their first PO slot. */
function dualRoleHolders(poSlots: readonly number[], pmSlots: readonly number[], slotHolder: Int32Array): number[] {
  const holders: number[] = [];
  for (const po of poSlots) {
    const pi = slotHolder[po]!;
    if (holders.includes(pi)) continue;
    if (pmSlots.some((pm) => slotHolder[pm] === pi)) holders.push(pi);
  }
  return holders;
}

/** Counts by kind and severity, with every kind and severity present. */
export function countFlags(flags: readonly TFlag[]): TFlagCounts {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byKind = {
    unowned_duty: 0,
    shared_ownership: 0,
    vacant_slot: 0,
    dual_role: 0,
    overloaded_person: 0,
    idle_slot: 0,
  };
  for (const flag of flags) {
    bySeverity[flag.severity]++;
    byKind[flag.kind]++;
  }
  return { total: flags.length, bySeverity, byKind };
}

function unownedDuty(team: TTeam, teamRef: TEntityRef, duty: TDuty, dutyRef: TEntityRef): TUnownedDutyFlag {
  const owner = splitOwnerOf(duty.key);
  const hint = owner ? `Make one slot accountable, usually the ${owner}.` : "Make one slot accountable.";
  return {
    id: `unowned_duty:${team.id}:${duty.id}`,
    kind: "unowned_duty",
    severity: "error",
    team: teamRef,
    duty: dutyRef,
    message: `Nobody is accountable for ${duty.name} in ${team.name}. ${hint}`,
  };
}

function sharedOwnership(
  team: TTeam,
  teamRef: TEntityRef,
  duty: TDuty,
  dutyRef: TEntityRef,
  holders: readonly number[],
  slots: readonly TSlot[],
  labels: readonly string[],
): TSharedOwnershipFlag {
  const names = joinNames(labels);
  return {
    id: `shared_ownership:${team.id}:${duty.id}`,
    kind: "shared_ownership",
    severity: "error",
    team: teamRef,
    duty: dutyRef,
    slots: holders.map((si) => ref(slots[si]!)),
    message:
      `${holders.length} slots are accountable for ${duty.name} in ${team.name}: ${names}. ` +
      "Keep one accountable and make the others responsible or consulted.",
  };
}

function vacantSlot(
  team: TTeam,
  teamRef: TEntityRef,
  slot: TSlot,
  label: string,
  dutyIndices: readonly number[],
  duties: readonly TDuty[],
  dutyRefs: readonly TEntityRef[],
): TVacantSlotFlag {
  const id = `vacant_slot:${team.id}:${slot.id}`;
  if (dutyIndices.length === 0) {
    return {
      id,
      kind: "vacant_slot",
      severity: "warning",
      team: teamRef,
      slot: ref(slot),
      duties: [],
      message:
        `The ${label} slot in ${team.name} is vacant. ` +
        "Assign someone to it, or remove the slot if the team does not need it.",
    };
  }
  const ordered = [...new Set(dutyIndices)].sort((a, b) => a - b);
  return {
    id,
    kind: "vacant_slot",
    severity: "error",
    team: teamRef,
    slot: ref(slot),
    duties: ordered.map((di) => dutyRefs[di]!),
    message:
      `The ${label} slot in ${team.name} is vacant but accountable for ` +
      `${joinNames(ordered.map((di) => duties[di]!.name))}. ` +
      "Assign someone to it, or make a filled slot accountable instead.",
  };
}

function dualRole(team: TTeam, teamRef: TEntityRef, person: TPerson, slotRefs: TEntityRef[]): TDualRoleFlag {
  return {
    id: `dual_role:${team.id}:${person.id}`,
    kind: "dual_role",
    severity: "warning",
    team: teamRef,
    person: ref(person),
    slots: slotRefs,
    message:
      `${person.name} holds both a PO slot and a PM slot in ${team.name}. ` +
      "The two roles need different skills; give one of them to someone else if you can.",
  };
}

function idleSlot(team: TTeam, teamRef: TEntityRef, slot: TSlot, label: string, person: TPerson): TIdleSlotFlag {
  return {
    id: `idle_slot:${team.id}:${slot.id}`,
    kind: "idle_slot",
    severity: "info",
    team: teamRef,
    slot: ref(slot),
    person: ref(person),
    message:
      `The ${label} slot in ${team.name}, held by ${person.name}, has no duties at any level. ` +
      "Give it duties, or remove the slot if it is not needed.",
  };
}

function overloadedPerson(
  person: TPerson,
  allocated: number,
  teamIndices: readonly number[],
  holdingSlots: readonly number[],
  context: {
    teams: readonly TTeam[];
    teamRefs: readonly TEntityRef[];
    slots: readonly TSlot[];
    slotTeam: Int32Array;
  },
): TOverloadedPersonFlag {
  const { teams, teamRefs, slots, slotTeam } = context;
  const holdings = holdingSlots.map((si) => ({
    team: teamRefs[slotTeam[si]!]!,
    slot: ref(slots[si]!),
    allocation: slots[si]!.allocation,
  }));
  const where = teamIndices.length === 1 ? "in" : "across";
  const teamNames = joinNames(teamIndices.map((ti) => teams[ti]!.name));
  const total = roundAllocation(allocated);
  return {
    id: `overloaded_person:${person.id}`,
    kind: "overloaded_person",
    severity: "warning",
    person: ref(person),
    teams: teamIndices.map((ti) => teamRefs[ti]!),
    holdings,
    allocated: total,
    capacity: person.capacity,
    message:
      `${person.name} is allocated ${formatAmount(total)} full-time ${total === 1 ? "equivalent" : "equivalents"} ` +
      `${where} ${teamNames}, more than their capacity of ${formatAmount(person.capacity)}. ` +
      "Lower an allocation, raise their capacity, or give a slot to someone else.",
  };
}

/** "Designer", or "Engineer (engineer-2)" when another slot of the team has the same label. */
function slotLabel(si: number, teamSlots: Int32Array, slots: readonly TSlot[]): string {
  const slot = slots[si]!;
  const label = slot.title ?? slot.role;
  for (const other of teamSlots) {
    if (other !== si && (slots[other]!.title ?? slots[other]!.role) === label) return `${label} (${slot.key})`;
  }
  return label;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
function joinNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function roundAllocation(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function ref(entity: { id: string; key: string }): TEntityRef {
  return { id: entity.id, key: entity.key };
}

function indexById(items: readonly { id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) index.set(items[i]!.id, i);
  return index;
}

function pushTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isSorted(list: Int32Array, compare: (a: number, b: number) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
