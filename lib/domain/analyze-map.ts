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
  type TStandardRole,
  type TTeam,
} from "./model";
import { splitOwnerOf } from "./po-pm-split";
import { DEFAULT_ON_RULE_IDS, DEFAULT_RULES, RULE_IDS, type TRuleId, type TRules, type TRuleSeverity } from "./rules";

// A flag's severity is what the score charges for it; callers read both from here.
export { SEVERITIES, type TSeverity } from "./health-score";

/**
 * The kinds of flag the default rules produce, which every count holds (0 when the rule is off). A flag's kind is
 * the id of the rule that raised it, so the other rules' ids (`RULE_IDS`) are kinds too, counted while they are on.
 */
export const FLAG_KINDS = DEFAULT_ON_RULE_IDS;
export type TFlagKind = (typeof FLAG_KINDS)[number];

/** The kinds of flag that concern a person across teams; every other kind concerns one team (its `team`). */
export const PERSON_FLAG_KINDS: ReadonlySet<TRuleFlag["kind"]> = new Set([
  "overloaded_person",
  "po_spread",
  "person_spread",
]);

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

/** More than the rule's `max` slots of one team (by default: two or more) are accountable for the same duty. */
export type TSharedOwnershipFlag = TFlagBase & {
  kind: "shared_ownership";
  severity: "error";
  team: TEntityRef;
  duty: TEntityRef;
  /** Every accountable slot, in slot order. */
  slots: TEntityRef[];
};

/**
 * A slot has no holder: the rule's severity (by default an error) when it is accountable for something, else one step
 * lower (a warning).
 */
export type TVacantSlotFlag = TFlagBase & {
  kind: "vacant_slot";
  severity: "error" | "warning";
  team: TEntityRef;
  slot: TEntityRef;
  /** Duties the slot is accountable for, in catalogue order; empty for the lower severity. */
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

/** A person's slot allocations, across all teams, add up to more than their capacity × (1 + the rule's tolerance). */
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

/** A required duty has no slot at level responsible in a team. */
export type TNoResponsibleFlag = TFlagBase & {
  kind: "no_responsible";
  severity: TSeverity;
  team: TEntityRef;
  duty: TEntityRef;
};

/** More than the rule's `max` slots of one team are consulted on the same duty. */
export type TTooManyConsultedFlag = TFlagBase & {
  kind: "too_many_consulted";
  severity: TSeverity;
  team: TEntityRef;
  duty: TEntityRef;
  /** Every consulted slot, in slot order. */
  slots: TEntityRef[];
};

/** A PO or PM slot is accountable for a duty that leans to the other role. */
export type TLeanMismatchFlag = TFlagBase & {
  kind: "lean_mismatch";
  severity: TSeverity;
  team: TEntityRef;
  duty: TEntityRef;
  /** The role the duty leans to. */
  lean: TStandardRole;
  /** The accountable slots with the other role, in slot order. */
  slots: TEntityRef[];
};

/** A person holds PO slots in more than the rule's `max` teams. */
export type TPoSpreadFlag = TFlagBase & {
  kind: "po_spread";
  severity: TSeverity;
  person: TEntityRef;
  /** The teams where they hold a PO slot, by team key. */
  teams: TEntityRef[];
};

/** A person holds slots in more than the rule's `max` teams. */
export type TPersonSpreadFlag = TFlagBase & {
  kind: "person_spread";
  severity: TSeverity;
  person: TEntityRef;
  /** The teams where they hold a slot, by team key. */
  teams: TEntityRef[];
};

/** More than the rule's `max` distinct people hold slots in a team. */
export type TTeamSizeFlag = TFlagBase & {
  kind: "team_size";
  severity: TSeverity;
  team: TEntityRef;
  /** How many distinct people hold its slots. */
  people: number;
};

/** A flag under the default rules: one of the six kinds, at the severity that kind has always had. */
export type TFlag =
  TUnownedDutyFlag | TSharedOwnershipFlag | TVacantSlotFlag | TDualRoleFlag | TOverloadedPersonFlag | TIdleSlotFlag;

/** A flag of the same kind at whatever severity an organisation's rules give it. */
export type TAtAnySeverity<Flag extends TFlag> = Flag extends TFlag
  ? Omit<Flag, "severity"> & { severity: TSeverity }
  : never;

/**
 * A flag under any rules: a kind of `TFlag` at any severity, or the kind of a rule that is off by default. What
 * `analyzeMap(map, rules)` returns; `analyzeMap(map)` keeps to `TFlag`, the narrower type every existing reader uses.
 */
export type TRuleFlag =
  | TAtAnySeverity<TFlag>
  | TNoResponsibleFlag
  | TTooManyConsultedFlag
  | TLeanMismatchFlag
  | TPoSpreadFlag
  | TPersonSpreadFlag
  | TTeamSizeFlag;

/** Flags of each kind under rules: every kind of `FLAG_KINDS`, and every other rule's while it is on. */
export type TKindCounts = Record<TFlagKind, number> & Partial<Record<TRuleId, number>>;

/** `byKind` as the flags allow: the six kinds under the default rules, `TKindCounts` under any. */
type TByKind<Flag extends TRuleFlag> = [Flag] extends [TFlag] ? Record<TFlagKind, number> : TKindCounts;

export type TFlagCounts<Flag extends TRuleFlag = TFlag> = {
  total: number;
  bySeverity: Record<TSeverity, number>;
  byKind: TByKind<Flag>;
};

export type TTeamAnalysis<Flag extends TRuleFlag = TFlag> = {
  team: TEntityRef;
  /** 0..100, see `scoreTeam`. */
  score: number;
  counts: TFlagCounts<Flag>;
  /** The team's flags, then the person flags of everyone holding a slot in it (a PO spread: a PO slot). */
  flags: Flag[];
};

/** The analysis under the default rules (`TFlag`), or under any rules (`TMapAnalysis<TRuleFlag>`). */
export type TMapAnalysis<Flag extends TRuleFlag = TFlag> = {
  /** Mean of the team scores; null when there are no teams. */
  score: number | null;
  /** Each flag once; a flagged person counts once however many teams they are on. */
  counts: TFlagCounts<Flag>;
  /**
   * Team flags in team order, then person flags in people order (for each person: overloaded, PO spread, person
   * spread). Within a team: for each duty in catalogue order its duty flags (unowned, shared ownership, no
   * responsible, too many consulted, lean mismatch), then for each slot in slot order vacant or idle, then dual roles,
   * then the team's size.
   */
  flags: Flag[];
  /** One entry per team, in the order of `map.teams`. */
  teams: TTeamAnalysis<Flag>[];
};

/** Sums of allocations such as 0.1 + 0.2 miss their decimal value by far less than this. */
export const ALLOCATION_EPSILON = 1e-9;

/** A duty's lean in `dutyLean`. */
const LEANS_NOWHERE = 0;
const LEANS_TO_PO = 1;
const LEANS_TO_PM = 2;

/**
 * Every gap and overlap in an organisation's map under its rules (by default the six flags Remit always had), with
 * counts and health scores.
 *
 * Linear in the size of the map: everything is indexed by id once, and each assignment is visited once (the consulted
 * ones twice when a cell has more than `too_many_consulted` allows). A rule that is off costs close to nothing.
 * Rows that point at something missing (an assignment to an unknown slot or duty, a slot of an unknown team) are
 * ignored, a slot whose holder is unknown counts as vacant, and an assignment belongs to its slot's team.
 */
export function analyzeMap(map: TRemitMap): TMapAnalysis;
export function analyzeMap(map: TRemitMap, rules: TRules): TMapAnalysis<TRuleFlag>;
export function analyzeMap(map: TRemitMap, rules: TRules = DEFAULT_RULES): TMapAnalysis<TRuleFlag> {
  const { teams, slots, people } = map;
  const duties = [...map.duties].sort(compareDuties);
  const dutyCount = duties.length;
  const cellCount = teams.length * dutyCount;
  const isOn = (id: TRuleId) => rules[id].severity !== "off";

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

  // One pass over the assignments: who is accountable for each (team, duty) cell, and which slots have any duty;
  // for the rules that are on, which cells have a responsible slot and how many consulted rows each has.
  const accountableCount = new Int32Array(cellCount);
  const firstAccountable = new Int32Array(cellCount);
  const sharedAccountable = new Map<number, number[]>();
  const slotHasAssignment = new Uint8Array(slots.length);
  const vacantAccountableFor = new Map<number, number[]>();
  const hasResponsible = isOn("no_responsible") ? new Uint8Array(cellCount) : null;
  const consultedRows = isOn("too_many_consulted") ? new Int32Array(cellCount) : null;
  for (const assignment of map.assignments) {
    const si = slotIndex.get(assignment.slotId);
    const di = dutyIndex.get(assignment.dutyId);
    if (si === undefined || di === undefined) continue;
    const ti = slotTeam[si]!;
    if (ti < 0) continue;
    slotHasAssignment[si] = 1;
    const cell = ti * dutyCount + di;
    if (assignment.level !== "accountable") {
      if (assignment.level === "responsible") {
        if (hasResponsible) hasResponsible[cell] = 1;
      } else if (consultedRows && assignment.level === "consulted") consultedRows[cell]!++;
      continue;
    }

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

  // The consulted slots of the cells with more consulted rows than allowed, once each: a second pass, over the
  // assignments of those cells only, so that the common case allocates nothing.
  const consultedMax = rules.too_many_consulted.params.max;
  const consultedOver = new Map<number, number[]>();
  if (consultedRows) {
    for (let cell = 0; cell < cellCount; cell++) if (consultedRows[cell]! > consultedMax) consultedOver.set(cell, []);
  }
  if (consultedOver.size > 0) {
    for (const assignment of map.assignments) {
      if (assignment.level !== "consulted") continue;
      const si = slotIndex.get(assignment.slotId);
      const di = dutyIndex.get(assignment.dutyId);
      if (si === undefined || di === undefined || slotTeam[si]! < 0) continue;
      const list = consultedOver.get(slotTeam[si]! * dutyCount + di);
      if (list && !list.includes(si)) list.push(si);
    }
  }

  const lean = rules.lean_mismatch.params.lean;
  const dutyLean = new Uint8Array(dutyCount);
  if (isOn("lean_mismatch")) {
    for (let di = 0; di < dutyCount; di++) {
      const key = duties[di]!.key;
      const role = Object.hasOwn(lean, key) ? lean[key] : undefined;
      dutyLean[di] = role === PO_ROLE ? LEANS_TO_PO : role === PM_ROLE ? LEANS_TO_PM : LEANS_NOWHERE;
    }
  }

  const teamRefs = teams.map(ref);
  const dutyRefs = duties.map(ref);
  // Labels are only needed for the few slots that get a flag, so they are made on demand.
  const labelOf = (si: number) => slotLabel(si, slotsOfTeam(slotTeam[si]!), slots);

  // Person rules: who is overloaded, and in how many teams each person holds a slot and a PO slot.
  const isOverloaded = new Uint8Array(people.length);
  if (isOn("overloaded_person")) {
    const headroom = 1 + rules.overloaded_person.params.tolerance;
    for (let pi = 0; pi < people.length; pi++) {
      if (personAllocated[pi]! > people[pi]!.capacity * headroom + ALLOCATION_EPSILON) isOverloaded[pi] = 1;
    }
  }
  const poSpreadMax = isOn("po_spread") ? rules.po_spread.params.max : Infinity;
  const spreadMax = isOn("person_spread") ? rules.person_spread.params.max : Infinity;
  const teamsHeld = new Int32Array(people.length);
  const poTeamsHeld = new Int32Array(people.length);
  if (poSpreadMax !== Infinity || spreadMax !== Infinity) {
    const lastTeam = new Int32Array(people.length).fill(-1);
    const lastPoTeam = new Int32Array(people.length).fill(-1);
    for (let ti = 0; ti < teams.length; ti++) {
      for (const si of slotsOfTeam(ti)) {
        const pi = slotHolder[si]!;
        if (pi < 0) continue;
        if (lastTeam[pi] !== ti) {
          lastTeam[pi] = ti;
          teamsHeld[pi]!++;
        }
        if (slots[si]!.role === PO_ROLE && lastPoTeam[pi] !== ti) {
          lastPoTeam[pi] = ti;
          poTeamsHeld[pi]!++;
        }
      }
    }
  }

  // Flagged people's holdings, then their flags, attached to the teams they concern.
  const flaggedAt = new Int32Array(people.length).fill(-1);
  const flaggedHoldings: number[][] = [];
  for (let pi = 0; pi < people.length; pi++) {
    if (isOverloaded[pi] || poTeamsHeld[pi]! > poSpreadMax || teamsHeld[pi]! > spreadMax) {
      flaggedAt[pi] = flaggedHoldings.length;
      flaggedHoldings.push([]);
    }
  }
  for (let si = 0; si < slots.length; si++) {
    const pi = slotHolder[si]!;
    if (pi >= 0 && flaggedAt[pi]! >= 0) flaggedHoldings[flaggedAt[pi]!]!.push(si);
  }
  const personFlags: TRuleFlag[] = [];
  const teamPersonFlags: (TRuleFlag[] | undefined)[] = new Array(teams.length);
  const context = { teams, teamRefs, slots, slotTeam };
  const attach = (flag: TRuleFlag, teamIndices: readonly number[]) => {
    personFlags.push(flag);
    for (const ti of teamIndices) (teamPersonFlags[ti] ??= []).push(flag);
  };
  for (let pi = 0; pi < people.length; pi++) {
    if (flaggedAt[pi] === -1) continue;
    const person = people[pi]!;
    const holdings = flaggedHoldings[flaggedAt[pi]!]!;
    // By team key, so that the flag reads the same whatever order the teams come in.
    holdings.sort(
      (a, b) =>
        compareKeys(teams[slotTeam[a]!]!.key, teams[slotTeam[b]!]!.key) ||
        slotTeam[a]! - slotTeam[b]! ||
        bySlotOrder(a, b),
    );
    const teamIndices = distinctTeams(holdings, slotTeam);
    if (isOverloaded[pi]) {
      const { severity, params } = rules.overloaded_person;
      attach(
        overloadedPerson(person, personAllocated[pi]!, teamIndices, holdings, context, severity, params.tolerance),
        teamIndices,
      );
    }
    if (poTeamsHeld[pi]! > poSpreadMax) {
      const poTeams = distinctTeams(
        holdings.filter((si) => slots[si]!.role === PO_ROLE),
        slotTeam,
      );
      attach(personSpread("po_spread", person, poTeams, context, rules.po_spread), poTeams);
    }
    if (teamsHeld[pi]! > spreadMax) {
      attach(personSpread("person_spread", person, teamIndices, context, rules.person_spread), teamIndices);
    }
  }

  const exempt = new Map(RULE_IDS.map((id) => [id, new Set(rules[id].exemptTeams)]));
  const countedKinds = kindsCounted(rules);
  const severityOf = (id: TRuleId) => rules[id].severity as TSeverity;
  const sharedMax = rules.shared_ownership.params.max;
  const teamSizeMax = rules.team_size.params.max;
  const personStamp = new Int32Array(people.length).fill(-1);
  const flags: TRuleFlag[] = [];
  const teamResults: TTeamAnalysis<TRuleFlag>[] = [];
  const poSlots: number[] = [];
  const pmSlots: number[] = [];
  for (let ti = 0; ti < teams.length; ti++) {
    const team = teams[ti]!;
    const teamRef = teamRefs[ti]!;
    const own: TRuleFlag[] = [];
    const applies = (id: TRuleId) => isOn(id) && !exempt.get(id)!.has(team.key);
    const checksUnowned = applies("unowned_duty");
    const checksShared = applies("shared_ownership");
    const checksResponsible = hasResponsible !== null && applies("no_responsible");
    const checksConsulted = consultedOver.size > 0 && applies("too_many_consulted");
    const checksLean = applies("lean_mismatch");

    for (let di = 0; di < dutyCount; di++) {
      const duty = duties[di]!;
      const dutyRef = dutyRefs[di]!;
      const cell = ti * dutyCount + di;
      const count = accountableCount[cell]!;
      if (count === 0) {
        if (checksUnowned && duty.required)
          own.push(unownedDuty(team, teamRef, duty, dutyRef, severityOf("unowned_duty")));
      } else if (checksShared && count > sharedMax) {
        const holders = sharedAccountable.get(cell)!.sort(bySlotOrder);
        own.push(
          sharedOwnership(team, teamRef, duty, dutyRef, holders, slots, holders.map(labelOf), rules.shared_ownership),
        );
      }
      if (checksResponsible && duty.required && hasResponsible[cell] === 0) {
        own.push(noResponsible(team, teamRef, duty, dutyRef, severityOf("no_responsible")));
      }
      const consulted = checksConsulted ? consultedOver.get(cell) : undefined;
      if (consulted && consulted.length > consultedMax) {
        consulted.sort(bySlotOrder);
        own.push(
          tooManyConsulted(
            team,
            teamRef,
            duty,
            dutyRef,
            consulted,
            slots,
            consulted.map(labelOf),
            rules.too_many_consulted,
          ),
        );
      }
      if (checksLean && count > 0 && dutyLean[di] !== LEANS_NOWHERE) {
        const leansTo = dutyLean[di] === LEANS_TO_PO ? PO_ROLE : PM_ROLE;
        const otherRole = leansTo === PO_ROLE ? PM_ROLE : PO_ROLE;
        const accountable = count === 1 ? [firstAccountable[cell]!] : sharedAccountable.get(cell)!;
        const wrong = accountable.filter((si) => slots[si]!.role === otherRole).sort(bySlotOrder);
        if (wrong.length > 0) {
          own.push(
            leanMismatch(
              team,
              teamRef,
              duty,
              dutyRef,
              leansTo,
              wrong,
              slots,
              wrong.map(labelOf),
              severityOf("lean_mismatch"),
            ),
          );
        }
      }
    }

    const checksVacant = applies("vacant_slot");
    const checksIdle = applies("idle_slot");
    const checksDual = applies("dual_role");
    const checksSize = applies("team_size");
    let holderCount = 0;
    poSlots.length = 0;
    pmSlots.length = 0;
    const teamSlots = slotsOfTeam(ti);
    for (const si of teamSlots) {
      const slot = slots[si]!;
      const pi = slotHolder[si]!;
      if (pi === -1) {
        if (checksVacant) {
          const accountableFor = vacantAccountableFor.get(si) ?? [];
          own.push(
            vacantSlot(team, teamRef, slot, labelOf(si), accountableFor, duties, dutyRefs, severityOf("vacant_slot")),
          );
        }
        continue;
      }
      if (checksIdle && !slotHasAssignment[si]) {
        own.push(idleSlot(team, teamRef, slot, labelOf(si), people[pi]!, severityOf("idle_slot")));
      }
      if (slot.role === PO_ROLE) poSlots.push(si);
      else if (slot.role === PM_ROLE) pmSlots.push(si);
      if (personStamp[pi] !== ti) {
        personStamp[pi] = ti;
        holderCount++;
      }
    }
    if (checksDual && poSlots.length > 0 && pmSlots.length > 0) {
      for (const pi of dualRoleHolders(poSlots, pmSlots, slotHolder)) {
        const both = [...poSlots, ...pmSlots].filter((si) => slotHolder[si] === pi).sort(bySlotOrder);
        own.push(
          dualRole(
            team,
            teamRef,
            people[pi]!,
            both.map((si) => ref(slots[si]!)),
            severityOf("dual_role"),
          ),
        );
      }
    }
    if (checksSize && holderCount > teamSizeMax) {
      own.push(teamSize(team, teamRef, holderCount, rules.team_size));
    }

    for (const flag of own) flags.push(flag);
    const ofPeople = teamPersonFlags[ti];
    const teamFlags = ofPeople ? [...own, ...ofPeople] : own;
    const counts = countByKind(teamFlags, countedKinds);
    teamResults.push({
      team: teamRef,
      score: scoreTeam(counts.bySeverity, teamSlots.length),
      counts,
      flags: teamFlags,
    });
  }
  for (const flag of personFlags) flags.push(flag);

  // Under the default rules these are exactly the `TFlag`s of the first overload.
  return {
    score: scoreOrganization(teamResults.map((result) => result.score)),
    counts: countByKind(flags, countedKinds),
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

/** The teams of slots sorted by team, once each, in that order. */
function distinctTeams(sortedSlots: readonly number[], slotTeam: Int32Array): number[] {
  const teamIndices: number[] = [];
  for (const si of sortedSlots) {
    const ti = slotTeam[si]!;
    if (teamIndices[teamIndices.length - 1] !== ti) teamIndices.push(ti);
  }
  return teamIndices;
}

/** The kinds every count holds under `rules`: those of `FLAG_KINDS`, and every other rule that is on. */
function kindsCounted(rules: TRules): TRuleId[] {
  return RULE_IDS.filter((id) => (FLAG_KINDS as readonly TRuleId[]).includes(id) || rules[id].severity !== "off");
}

/**
 * Counts by kind and severity, with every severity present and every kind of `FLAG_KINDS` (0 when its rule is off),
 * plus every other rule's kind while it is on.
 */
export function countFlags(flags: readonly TRuleFlag[], rules: TRules = DEFAULT_RULES): TFlagCounts<TRuleFlag> {
  return countByKind(flags, kindsCounted(rules));
}

function countByKind(flags: readonly TRuleFlag[], kinds: readonly TRuleId[]): TFlagCounts<TRuleFlag> {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byKind: Partial<Record<TRuleId, number>> = {};
  for (const kind of kinds) byKind[kind] = 0;
  for (const flag of flags) {
    bySeverity[flag.severity]++;
    byKind[flag.kind] = (byKind[flag.kind] ?? 0) + 1;
  }
  return { total: flags.length, bySeverity, byKind: byKind as TKindCounts };
}

/** A vacant slot that is accountable for nothing is one step less severe; info is the floor, it stays visible. */
export function stepDown(severity: TSeverity): TSeverity {
  return severity === "error" ? "warning" : "info";
}

function unownedDuty(
  team: TTeam,
  teamRef: TEntityRef,
  duty: TDuty,
  dutyRef: TEntityRef,
  severity: TSeverity,
): TAtAnySeverity<TUnownedDutyFlag> {
  const owner = splitOwnerOf(duty.key);
  const hint = owner ? `Make one slot accountable, usually the ${owner}.` : "Make one slot accountable.";
  return {
    id: `unowned_duty:${team.id}:${duty.id}`,
    kind: "unowned_duty",
    severity,
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
  rule: TRules["shared_ownership"],
): TAtAnySeverity<TSharedOwnershipFlag> {
  const names = joinNames(labels);
  const { max } = rule.params;
  return {
    id: `shared_ownership:${team.id}:${duty.id}`,
    kind: "shared_ownership",
    severity: rule.severity as TSeverity,
    team: teamRef,
    duty: dutyRef,
    slots: holders.map((si) => ref(slots[si]!)),
    message:
      `${holders.length} slots are accountable for ${duty.name} in ${team.name}: ${names}. ` +
      (max === 1
        ? "Keep one accountable and make the others responsible or consulted."
        : `Your rules allow at most ${max}; make the others responsible or consulted.`),
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
  severity: TSeverity,
): TAtAnySeverity<TVacantSlotFlag> {
  const id = `vacant_slot:${team.id}:${slot.id}`;
  if (dutyIndices.length === 0) {
    return {
      id,
      kind: "vacant_slot",
      severity: stepDown(severity),
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
    severity,
    team: teamRef,
    slot: ref(slot),
    duties: ordered.map((di) => dutyRefs[di]!),
    message:
      `The ${label} slot in ${team.name} is vacant but accountable for ` +
      `${joinNames(ordered.map((di) => duties[di]!.name))}. ` +
      "Assign someone to it, or make a filled slot accountable instead.",
  };
}

function dualRole(
  team: TTeam,
  teamRef: TEntityRef,
  person: TPerson,
  slotRefs: TEntityRef[],
  severity: TSeverity,
): TAtAnySeverity<TDualRoleFlag> {
  return {
    id: `dual_role:${team.id}:${person.id}`,
    kind: "dual_role",
    severity,
    team: teamRef,
    person: ref(person),
    slots: slotRefs,
    message:
      `${person.name} holds both a PO slot and a PM slot in ${team.name}. ` +
      "The two roles need different skills; give one of them to someone else if you can.",
  };
}

function idleSlot(
  team: TTeam,
  teamRef: TEntityRef,
  slot: TSlot,
  label: string,
  person: TPerson,
  severity: TSeverity,
): TAtAnySeverity<TIdleSlotFlag> {
  return {
    id: `idle_slot:${team.id}:${slot.id}`,
    kind: "idle_slot",
    severity,
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
  context: TPersonContext,
  severity: TRuleSeverity,
  tolerance: number,
): TAtAnySeverity<TOverloadedPersonFlag> {
  const { teams, teamRefs, slots, slotTeam } = context;
  const holdings = holdingSlots.map((si) => ({
    team: teamRefs[slotTeam[si]!]!,
    slot: ref(slots[si]!),
    allocation: slots[si]!.allocation,
  }));
  const where = teamIndices.length === 1 ? "in" : "across";
  const teamNames = joinNames(teamIndices.map((ti) => teams[ti]!.name));
  const total = roundAllocation(allocated);
  const limit =
    tolerance === 0
      ? `more than their capacity of ${formatAmount(person.capacity)}`
      : `more than their capacity of ${formatAmount(person.capacity)} with the ${formatAmount(tolerance * 100)}% ` +
        "your rules allow above it";
  return {
    id: `overloaded_person:${person.id}`,
    kind: "overloaded_person",
    severity: severity as TSeverity,
    person: ref(person),
    teams: teamIndices.map((ti) => teamRefs[ti]!),
    holdings,
    allocated: total,
    capacity: person.capacity,
    message:
      `${person.name} is allocated ${formatAmount(total)} full-time ${total === 1 ? "equivalent" : "equivalents"} ` +
      `${where} ${teamNames}, ${limit}. ` +
      "Lower an allocation, raise their capacity, or give a slot to someone else.",
  };
}

function noResponsible(
  team: TTeam,
  teamRef: TEntityRef,
  duty: TDuty,
  dutyRef: TEntityRef,
  severity: TSeverity,
): TNoResponsibleFlag {
  return {
    id: `no_responsible:${team.id}:${duty.id}`,
    kind: "no_responsible",
    severity,
    team: teamRef,
    duty: dutyRef,
    message: `No slot is responsible for ${duty.name} in ${team.name}. Make the slot that does the work responsible.`,
  };
}

function tooManyConsulted(
  team: TTeam,
  teamRef: TEntityRef,
  duty: TDuty,
  dutyRef: TEntityRef,
  consulted: readonly number[],
  slots: readonly TSlot[],
  labels: readonly string[],
  rule: TRules["too_many_consulted"],
): TTooManyConsultedFlag {
  const { max } = rule.params;
  const are = consulted.length === 1 ? "slot is" : "slots are";
  return {
    id: `too_many_consulted:${team.id}:${duty.id}`,
    kind: "too_many_consulted",
    severity: rule.severity as TSeverity,
    team: teamRef,
    duty: dutyRef,
    slots: consulted.map((si) => ref(slots[si]!)),
    message:
      `${consulted.length} ${are} consulted on ${duty.name} in ${team.name}: ${joinNames(labels)}. ` +
      `Your rules allow ${max === 0 ? "none" : `at most ${max}`}; keep the others informed instead.`,
  };
}

function leanMismatch(
  team: TTeam,
  teamRef: TEntityRef,
  duty: TDuty,
  dutyRef: TEntityRef,
  leansTo: TStandardRole,
  wrong: readonly number[],
  slots: readonly TSlot[],
  labels: readonly string[],
  severity: TSeverity,
): TLeanMismatchFlag {
  const the = wrong.length === 1 ? "The" : "The slots";
  const is = wrong.length === 1 ? "slot is" : "are";
  return {
    id: `lean_mismatch:${team.id}:${duty.id}`,
    kind: "lean_mismatch",
    severity,
    team: teamRef,
    duty: dutyRef,
    lean: leansTo,
    slots: wrong.map((si) => ref(slots[si]!)),
    message:
      `${the} ${joinNames(labels)} ${is} accountable for ${duty.name} in ${team.name}, but the duty leans to the ` +
      `${leansTo}. Make the ${leansTo} accountable, and the ${leansTo === PO_ROLE ? PM_ROLE : PO_ROLE} responsible if ` +
      "they do the work.",
  };
}

type TPersonContext = {
  teams: readonly TTeam[];
  teamRefs: readonly TEntityRef[];
  slots: readonly TSlot[];
  slotTeam: Int32Array;
};

function personSpread<Kind extends "po_spread" | "person_spread">(
  kind: Kind,
  person: TPerson,
  teamIndices: readonly number[],
  context: TPersonContext,
  rule: TRules[Kind],
): TPoSpreadFlag | TPersonSpreadFlag {
  const { teams, teamRefs } = context;
  const what = kind === "po_spread" ? "PO slots" : "slots";
  return {
    id: `${kind}:${person.id}`,
    kind,
    severity: rule.severity as TSeverity,
    person: ref(person),
    teams: teamIndices.map((ti) => teamRefs[ti]!),
    message:
      `${person.name} holds ${what} in ${teamIndices.length} teams: ` +
      `${joinNames(teamIndices.map((ti) => teams[ti]!.name))}. ` +
      `Your rules allow at most ${rule.params.max}; give some of them to someone else.`,
  } as TPoSpreadFlag | TPersonSpreadFlag;
}

function teamSize(team: TTeam, teamRef: TEntityRef, people: number, rule: TRules["team_size"]): TTeamSizeFlag {
  return {
    id: `team_size:${team.id}`,
    kind: "team_size",
    severity: rule.severity as TSeverity,
    team: teamRef,
    people,
    message:
      `${people} people hold slots in ${team.name}; your rules allow at most ${rule.params.max}. ` +
      "Consider splitting the team, or giving some of its slots to fewer people.",
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
