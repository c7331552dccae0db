// Suggest a plan: the fewest changes (cell levels, slot holders, allocations) that clear the flags a lead asks to clear, as a
// mixed-integer program. This module is pure: it writes the program (CPLEX LP text), reads a solution back into
// changes, and judges any set of changes with the real analysis, which is how a plan's result is reported and how the
// tests check the program against brute force. Solving it is the server's (lib/server/plans).
import {
  analyzeMap,
  ALLOCATION_EPSILON,
  PERSON_FLAG_KINDS,
  stepDown,
  type TRuleFlag,
  type TSeverity,
} from "./analyze-map";
import {
  compareDuties,
  compareSlots,
  PM_ROLE,
  PO_ROLE,
  type TRaciLevel,
  type TRemitMap,
  type TSlot,
  type TStandardRole,
} from "./model";
import { splitOwnerOf } from "./po-pm-split";
import type { TRuleId, TRules } from "./rules";

export type TPlanClear = "errors" | "errors_and_warnings";

/**
 * Where a plan is while the server works on it: writing the program, HiGHS solving it (with the solver's gap once it
 * has a plan and a bound), the real analysis judging the result, the draft being written. `seconds`: since it began.
 */
export type TPlanProgress = {
  stage: "building" | "solving" | "judging" | "writing";
  seconds: number;
  gap: number | null;
};

export type TPlanOptions = {
  clear: TPlanClear;
  /** Team ids whose slots and cells the plan leaves alone. */
  lockedTeams?: readonly string[];
  /** Person ids whose slots the plan leaves alone, and who take no new slot. */
  lockedPeople?: readonly string[];
  /** Team ids the plan may change (a team page's plan: that team); all when left out. */
  onlyTeams?: readonly string[];
  maxChanges?: number;
  /** Whether the plan may give slots to other people (default true). */
  allowHolderChanges?: boolean;
  /** Whether the plan may lower slots' allocations (default true; see lowerAllocations). */
  allowAllocationChanges?: boolean;
  /**
   * How many people with the most spare capacity each slot may go to (every person when Infinity). Left out: every
   * person who could make the plan better (see holderPool), unless that is more than HOLDER_OPTION_BUDGET options,
   * then the 4 with the most spare capacity.
   */
  candidatesPerSlot?: number;
};

/**
 * The most (slot, new holder) options a program gets before the plan draws new holders from fewer people: past about
 * this many HiGHS no longer proves a plan within its default limit on a busy shared machine (6 generated teams asked
 * to clear errors and warnings: 3,165 variables with everyone who could help, not proven in 20 s; 1,643 with 4 per
 * slot, proven in 13 s).
 */
export const HOLDER_OPTION_BUDGET = 600;
/** How many people each slot may go to when everyone who could make the plan better would be too many. */
export const FALLBACK_CANDIDATES_PER_SLOT = 4;

export type TCellChange = {
  kind: "cell";
  teamId: string;
  dutyId: string;
  slotId: string;
  from: TRaciLevel | null;
  to: TRaciLevel;
};
export type THolderChange = { kind: "holder"; teamId: string; slotId: string; from: string | null; to: string | null };
/** A slot's allocation lowered (see lowerAllocations): the share of its holder's time it takes. */
export type TAllocationChange = { kind: "allocation"; teamId: string; slotId: string; from: number; to: number };
export type TPlanChange = TCellChange | THolderChange | TAllocationChange;

/** Allocations a plan may choose go in tenths of a full-time person, as capacities are edited. */
export const ALLOCATION_STEP = 0.1;

/**
 * The allocations a plan may lower a slot's to, lowest first: tenths below its own, down to half of it and never
 * below one tenth (an allocation is more than 0). A plan never raises an allocation: that clears no flag.
 */
export function lowerAllocations(allocation: number): number[] {
  const lowest = Math.max(ALLOCATION_STEP, allocation / 2);
  const levels: number[] = [];
  for (let tenths = Math.ceil(lowest * 10 - 1e-9); tenths / 10 < allocation - 1e-9; tenths++) levels.push(tenths / 10);
  return levels;
}

/** What a flag costs the objective, and what a change costs: asked flags first, then new ones, then changes. */
export const PLAN_WEIGHTS = {
  asked: { error: 1_000_000, warning: 10_000, info: 0 },
  introduced: { error: 1_000_000, warning: 500, info: 50 },
  change: 1,
  /** Added to an allocation change per full-time equivalent it takes off: of two cuts, the smaller one. */
  cut: 0.01,
  /** Taken off a change that follows the PO/PM guide's leaning, added to one that goes against it. */
  lean: 0.1,
} as const;

/** A flag's identity in a plan: the same flag at another severity (a vacant slot no longer accountable) is another. */
export const flagKey = (flag: Pick<TRuleFlag, "id" | "severity">) => `${flag.id}@${flag.severity}`;

/** The severities a plan is asked to clear. */
export function askedSeverities(clear: TPlanClear): ReadonlySet<TSeverity> {
  return new Set<TSeverity>(clear === "errors" ? ["error"] : ["error", "warning"]);
}

/** What one flag after the plan costs: an asked flag its weight, a new flag its weight, an old unasked one nothing. */
function flagWeight(severity: TSeverity, isPresentNow: boolean, asked: ReadonlySet<TSeverity>): number {
  if (asked.has(severity)) return PLAN_WEIGHTS.asked[severity];
  return isPresentNow ? 0 : PLAN_WEIGHTS.introduced[severity];
}

/** The standard role the guide (and the organisation's lean rule, which wins) leans a duty to. */
function leanOf(dutyKey: string, rules: TRules): TStandardRole | null {
  const lean = rules.lean_mismatch.params.lean;
  return (Object.hasOwn(lean, dutyKey) ? lean[dutyKey] : undefined) ?? splitOwnerOf(dutyKey);
}

/** A cell change's cost: 1, less when it follows the lean (the leaned-to role made accountable, the other demoted). */
function cellChangeCost(role: string, dutyKey: string, makesAccountable: boolean, rules: TRules): number {
  const lean = leanOf(dutyKey, rules);
  if (lean === null || (role !== PO_ROLE && role !== PM_ROLE)) return PLAN_WEIGHTS.change;
  const follows = (role === lean) === makesAccountable;
  return PLAN_WEIGHTS.change + (follows ? -PLAN_WEIGHTS.lean : PLAN_WEIGHTS.lean);
}

/** An allocation change's cost: 1, and a little more the more it takes off. */
function allocationChangeCost(from: number, to: number): number {
  return PLAN_WEIGHTS.change + PLAN_WEIGHTS.cut * (from - to);
}

/** The map with the changes made. */
export function applyPlan(map: TRemitMap, changes: readonly TPlanChange[]): TRemitMap {
  const holders = new Map<string, string | null>();
  const allocations = new Map<string, number>();
  const cells = new Map<string, TRaciLevel>();
  for (const change of changes) {
    if (change.kind === "holder") holders.set(change.slotId, change.to);
    else if (change.kind === "allocation") allocations.set(change.slotId, change.to);
    else cells.set(`${change.slotId}|${change.dutyId}`, change.to);
  }
  const assignments = map.assignments.map((assignment) => {
    const key = `${assignment.slotId}|${assignment.dutyId}`;
    const level = cells.get(key);
    if (level === undefined) return assignment;
    cells.delete(key);
    return { ...assignment, level, version: assignment.version + 1 };
  });
  for (const change of changes) {
    if (change.kind !== "cell" || !cells.has(`${change.slotId}|${change.dutyId}`)) continue;
    assignments.push({
      teamId: change.teamId,
      dutyId: change.dutyId,
      slotId: change.slotId,
      level: change.to,
      version: 1,
    });
  }
  return {
    ...map,
    slots: map.slots.map((slot) => ({
      ...slot,
      ...(holders.has(slot.id) ? { holderId: holders.get(slot.id)! } : {}),
      ...(allocations.has(slot.id) ? { allocation: allocations.get(slot.id)! } : {}),
    })),
    assignments,
  };
}

/** The cost of a set of changes as the program counts it. */
export function changeCost(map: TRemitMap, changes: readonly TPlanChange[], rules: TRules): number {
  const slotById = new Map(map.slots.map((slot) => [slot.id, slot]));
  const dutyById = new Map(map.duties.map((duty) => [duty.id, duty]));
  let cost = 0;
  for (const change of changes) {
    if (change.kind === "holder") cost += PLAN_WEIGHTS.change;
    else if (change.kind === "allocation") cost += allocationChangeCost(change.from, change.to);
    else {
      const slot = slotById.get(change.slotId)!;
      const duty = dutyById.get(change.dutyId)!;
      cost += cellChangeCost(slot.role, duty.key, change.to === "accountable", rules);
    }
  }
  return cost;
}

export type TPlanJudgement = {
  objective: number;
  /** Flags of the map before that the map after does not have (by id and severity). */
  resolved: TRuleFlag[];
  /** Flags of the map after that the map before did not have. */
  introduced: TRuleFlag[];
  /** Flags of the asked severities still there after. */
  remaining: TRuleFlag[];
  after: TRemitMap;
};

/** Judges a set of changes with the real analysis, by the program's objective. */
export function judgePlan(
  map: TRemitMap,
  rules: TRules,
  changes: readonly TPlanChange[],
  clear: TPlanClear,
  before: readonly TRuleFlag[] = analyzeMap(map, rules).flags,
): TPlanJudgement {
  const asked = askedSeverities(clear);
  const after = applyPlan(map, changes);
  const flagsAfter = analyzeMap(after, rules).flags;
  const keysBefore = new Set(before.map(flagKey));
  const keysAfter = new Set(flagsAfter.map(flagKey));
  let objective = changeCost(map, changes, rules);
  for (const flag of flagsAfter) objective += flagWeight(flag.severity, keysBefore.has(flagKey(flag)), asked);
  return {
    objective: round(objective),
    resolved: before.filter((flag) => !keysAfter.has(flagKey(flag))),
    introduced: flagsAfter.filter((flag) => !keysBefore.has(flagKey(flag))),
    remaining: flagsAfter.filter((flag) => asked.has(flag.severity)),
    after,
  };
}

/** A written program: its LP text, how to read a solution back, and its constant (the LP format has none). */
export type TPlanProgram = {
  lp: string;
  /** Objective terms no variable changes (flags outside the teams the plan may touch, or fixed in them). */
  constant: number;
  variableCount: number;
  /** The changes a solution (value by variable name) makes. */
  decode: (values: Readonly<Record<string, number>>) => TPlanChange[];
  /** Teams the plan may change. */
  teamIds: readonly string[];
  /**
   * Whether every person who could make the plan better may take a slot (then the program's optimum is the optimum
   * of every plan); when not, `candidatesPerSlot` people with the most spare capacity could.
   */
  isPoolComplete: boolean;
  candidatesPerSlot: number | null;
};

type TLinear = Map<string, number>;

/**
 * The mixed-integer program of a plan, or null when no team the plan may change has a flag it is asked to clear.
 *
 * Variables: for each cell of the teams in play (teams with an asked flag, or holding a slot of a person with one,
 * that are not locked and are in `onlyTeams`) whether its slot is accountable (a change either makes a cell
 * accountable or makes an accountable cell responsible); for each of their slots, which of its options holds it (the
 * holder, and the `candidatesPerSlot` people with the most spare capacity), or none; and one indicator per flag that
 * can arise there, forced to 1 by the rule's condition, written as linear constraints. Objective: the weighted flags
 * (see PLAN_WEIGHTS) plus the cost of the changes.
 */
export function buildPlanProgram(map: TRemitMap, rules: TRules, options: TPlanOptions): TPlanProgram | null {
  const asked = askedSeverities(options.clear);
  const analysis = analyzeMap(map, rules);
  const keysNow = new Set(analysis.flags.map(flagKey));
  const lockedTeams = new Set(options.lockedTeams ?? []);
  const lockedPeople = new Set(options.lockedPeople ?? []);
  const onlyTeams = options.onlyTeams ? new Set(options.onlyTeams) : null;
  const allowHolders = options.allowHolderChanges ?? true;
  const allowAllocations = options.allowAllocationChanges ?? true;
  const duties = [...map.duties].sort(compareDuties);
  const isOn = (id: TRuleId) => rules[id].severity !== "off";
  const mayChange = (teamId: string) => !lockedTeams.has(teamId) && (onlyTeams === null || onlyTeams.has(teamId));

  // Teams in play.
  const holdingsOf = new Map<string, TSlot[]>();
  const teamIds = new Set(map.teams.map((team) => team.id));
  for (const slot of map.slots) {
    if (slot.holderId === null || !teamIds.has(slot.teamId)) continue;
    const list = holdingsOf.get(slot.holderId) ?? [];
    list.push(slot);
    holdingsOf.set(slot.holderId, list);
  }
  const inPlay = new Set<string>();
  for (const flag of analysis.flags) {
    if (!asked.has(flag.severity)) continue;
    if (PERSON_FLAG_KINDS.has(flag.kind) && "person" in flag) {
      for (const slot of holdingsOf.get(flag.person.id) ?? []) if (mayChange(slot.teamId)) inPlay.add(slot.teamId);
    } else if ("team" in flag && mayChange(flag.team.id)) inPlay.add(flag.team.id);
  }
  if (inPlay.size === 0) return null;

  const teams = map.teams.filter((team) => inPlay.has(team.id));
  const slotsOf = new Map<string, TSlot[]>();
  for (const slot of map.slots) {
    if (!inPlay.has(slot.teamId)) continue;
    const list = slotsOf.get(slot.teamId) ?? [];
    list.push(slot);
    slotsOf.set(slot.teamId, list);
  }
  for (const list of slotsOf.values()) list.sort(compareSlots);
  const levelOf = new Map<string, TRaciLevel>();
  for (const assignment of map.assignments) {
    if (inPlay.has(assignment.teamId)) levelOf.set(`${assignment.slotId}|${assignment.dutyId}`, assignment.level);
  }
  const personById = new Map(map.people.map((person) => [person.id, person]));
  const allocated = new Map<string, number>();
  for (const [personId, held] of holdingsOf)
    allocated.set(
      personId,
      held.reduce((sum, slot) => sum + slot.allocation, 0),
    );

  // Who may take a slot: everyone who could make the plan better, or (too many, or asked for) the people with the
  // most spare capacity.
  const slotsInPlay = map.slots.filter((slot) => inPlay.has(slot.teamId));
  const pool = allowHolders
    ? options.candidatesPerSlot === undefined
      ? holderPool(map, rules, slotsInPlay, holdingsOf, {
          asked,
          keysNow,
          lockedPeople,
          maxChanges: options.maxChanges,
        })
      : null
    : [];
  const perSlot = pool === null ? (options.candidatesPerSlot ?? FALLBACK_CANDIDATES_PER_SLOT) : Infinity;
  const bySpare = (pool ?? map.people.filter((person) => !lockedPeople.has(person.id)).map((person) => person.id))
    .map((id) => ({ id, spare: personById.get(id)!.capacity - (allocated.get(id) ?? 0) }))
    .sort((a, b) => b.spare - a.spare || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // --- Variables and rows ---
  const binaries: string[] = [];
  const rows: string[] = [];
  const objective: TLinear = new Map();
  let constant = 0;
  const addCost = (name: string, cost: number) => objective.set(name, (objective.get(name) ?? 0) + cost);
  const binary = (name: string) => {
    binaries.push(name);
    return name;
  };
  const row = (terms: TLinear, sense: "<=" | ">=" | "=", rhs: number) => {
    const text = [...terms]
      .filter(([, c]) => c !== 0)
      .map(([v, c]) => `${c >= 0 ? "+" : "-"} ${num(Math.abs(c))} ${v}`);
    if (text.length === 0) return;
    rows.push(` r${rows.length}: ${text.join(" ")} ${sense} ${num(rhs)}`);
  };
  /** A flag's indicator, priced by whether it is there now. */
  const flagVar = (name: string, id: string, severity: TSeverity) => {
    binary(name);
    addCost(name, flagWeight(severity, keysNow.has(`${id}@${severity}`), asked));
    return name;
  };
  /** A flag no variable can change: its cost, once. */
  const fixedFlag = (id: string, severity: TSeverity) => {
    constant += flagWeight(severity, keysNow.has(`${id}@${severity}`), asked);
  };

  const cellVar = new Map<string, string>(); // slot|duty -> var
  const decoders: ((values: Readonly<Record<string, number>>) => TPlanChange[])[] = [];
  // Holder options: slot -> [person, var] (var null: fixed, the holder stays).
  const holderOptions = new Map<string, { personId: string; name: string | null }[]>();
  const personVars = new Map<string, { slot: TSlot; name: string }[]>();
  const changeTerms: TLinear = new Map();
  let changeConstant = 0;

  let v = 0;
  for (const team of teams) {
    const teamSlots = slotsOf.get(team.id) ?? [];
    for (const slot of teamSlots) {
      // Cells.
      for (const duty of duties) {
        const level = levelOf.get(`${slot.id}|${duty.id}`) ?? null;
        const name = binary(`a${v++}`);
        cellVar.set(`${slot.id}|${duty.id}`, name);
        const wasAccountable = level === "accountable";
        const cost = cellChangeCost(slot.role, duty.key, !wasAccountable, rules);
        if (wasAccountable) {
          constant += cost;
          addCost(name, -cost);
          changeConstant += 1;
          changeTerms.set(name, -1);
        } else {
          addCost(name, cost);
          changeTerms.set(name, 1);
        }
        decoders.push((values) => {
          const isAccountable = (values[name] ?? 0) > 0.5;
          if (isAccountable === wasAccountable) return [];
          return [
            {
              kind: "cell",
              teamId: team.id,
              dutyId: duty.id,
              slotId: slot.id,
              from: level,
              to: isAccountable ? "accountable" : "responsible",
            },
          ];
        });
      }
      // Holders.
      const holder = slot.holderId !== null && personById.has(slot.holderId) ? slot.holderId : null;
      const options: { personId: string; name: string | null }[] = [];
      if (holder !== null && lockedPeople.has(holder)) options.push({ personId: holder, name: null });
      else {
        const people = holder === null ? [] : [holder];
        if (allowHolders) {
          for (const candidate of bySpare) {
            if (people.length - (holder === null ? 0 : 1) >= perSlot) break;
            if (candidate.id !== holder) people.push(candidate.id);
          }
        }
        for (const personId of people) {
          const name = binary(`h${v++}`);
          options.push({ personId, name });
          const list = personVars.get(personId) ?? [];
          list.push({ slot, name });
          personVars.set(personId, list);
        }
        const vars = options.map((option) => option.name!);
        if (vars.length > 0) row(new Map(vars.map((name) => [name, 1])), "<=", 1);
        // Without holder changes the holder stays; still a variable, so that their overload is written (and may be
        // cleared by a lower allocation).
        if (!allowHolders && holder !== null) row(new Map([[options[0]!.name!, 1]]), "=", 1);
        // A holder change counts once: the holder leaves (1 − h), or someone fills a vacant slot (Σ h).
        if (holder !== null) {
          const own = options[0]!.name!;
          constant += PLAN_WEIGHTS.change;
          addCost(own, -PLAN_WEIGHTS.change);
          changeConstant += 1;
          changeTerms.set(own, -1);
        } else {
          for (const name of vars) {
            addCost(name, PLAN_WEIGHTS.change);
            changeTerms.set(name, 1);
          }
        }
        decoders.push((values) => {
          const chosen = options.find((option) => (values[option.name!] ?? 0) > 0.5)?.personId ?? null;
          return chosen === holder
            ? []
            : [{ kind: "holder", teamId: team.id, slotId: slot.id, from: holder, to: chosen }];
        });
      }
      holderOptions.set(slot.id, options);
    }
  }

  /** Σ over a slot's options: 1 when filled (a fixed holder counts as the constant 1). */
  const filled = (slot: TSlot): { terms: TLinear; fixed: number } => {
    const options = holderOptions.get(slot.id) ?? [];
    const terms: TLinear = new Map();
    let fixed = 0;
    for (const option of options) {
      if (option.name === null) fixed = 1;
      else terms.set(option.name, 1);
    }
    return { terms, fixed };
  };
  const plus = (...parts: TLinear[]): TLinear => {
    const sum: TLinear = new Map();
    for (const part of parts) for (const [name, c] of part) sum.set(name, (sum.get(name) ?? 0) + c);
    return sum;
  };
  const times = (part: TLinear, k: number): TLinear => new Map([...part].map(([name, c]) => [name, c * k]));

  // Team flags. `teamMembership` is filled as the teams are written and read by the person flags: whether a person
  // holds a slot (a PO slot) of a team.
  const teamMembership: { personId: string; teamId: string; name: string; isPo: boolean }[] = [];
  let f = 0;
  for (const team of teams) {
    const applies = (id: TRuleId) => isOn(id) && !rules[id].exemptTeams.includes(team.key);
    const severity = (id: TRuleId) => rules[id].severity as TSeverity;
    const teamSlots = slotsOf.get(team.id) ?? [];
    for (const duty of duties) {
      const acc: TLinear = new Map(teamSlots.map((slot) => [cellVar.get(`${slot.id}|${duty.id}`)!, 1]));
      if (applies("unowned_duty") && duty.required) {
        const id = `unowned_duty:${team.id}:${duty.id}`;
        if (teamSlots.length === 0) fixedFlag(id, severity("unowned_duty"));
        else row(plus(acc, new Map([[flagVar(`f${f++}`, id, severity("unowned_duty")), 1]])), ">=", 1);
      }
      const sharedMax = rules.shared_ownership.params.max;
      if (applies("shared_ownership") && teamSlots.length > sharedMax) {
        const flag = flagVar(`f${f++}`, `shared_ownership:${team.id}:${duty.id}`, severity("shared_ownership"));
        row(plus(acc, new Map([[flag, -(teamSlots.length - sharedMax)]])), "<=", sharedMax);
      }
      if (applies("lean_mismatch")) {
        const lean = rules.lean_mismatch.params.lean;
        const leansTo = Object.hasOwn(lean, duty.key) ? lean[duty.key] : undefined;
        const wrong = teamSlots.filter((slot) => leansTo && slot.role === (leansTo === PO_ROLE ? PM_ROLE : PO_ROLE));
        if (wrong.length > 0) {
          const flag = flagVar(`f${f++}`, `lean_mismatch:${team.id}:${duty.id}`, severity("lean_mismatch"));
          for (const slot of wrong)
            row(
              new Map([
                [flag, 1],
                [cellVar.get(`${slot.id}|${duty.id}`)!, -1],
              ]),
              ">=",
              0,
            );
        }
      }
      // Responsible after: a cell responsible or accountable now that is not accountable after.
      if (applies("no_responsible") && duty.required) {
        const id = `no_responsible:${team.id}:${duty.id}`;
        const could = teamSlots.filter((slot) => {
          const level = levelOf.get(`${slot.id}|${duty.id}`);
          return level === "responsible" || level === "accountable";
        });
        if (could.length === 0) fixedFlag(id, severity("no_responsible"));
        else {
          // flag ≥ 1 − Σ (1 − a)  ⇔  flag − Σ a ≥ 1 − n
          const terms: TLinear = new Map([[flagVar(`f${f++}`, id, severity("no_responsible")), 1]]);
          for (const slot of could) terms.set(cellVar.get(`${slot.id}|${duty.id}`)!, -1);
          row(terms, ">=", 1 - could.length);
        }
      }
      if (applies("too_many_consulted")) {
        const max = rules.too_many_consulted.params.max;
        const consulted = teamSlots.filter((slot) => levelOf.get(`${slot.id}|${duty.id}`) === "consulted");
        if (consulted.length > max) {
          // Σ (1 − a) ≤ max + n·flag  ⇔  −Σ a − n·flag ≤ max − n
          const flag = flagVar(`f${f++}`, `too_many_consulted:${team.id}:${duty.id}`, severity("too_many_consulted"));
          const terms: TLinear = new Map([[flag, -consulted.length]]);
          for (const slot of consulted) terms.set(cellVar.get(`${slot.id}|${duty.id}`)!, -1);
          row(terms, "<=", max - consulted.length);
        }
      }
    }

    for (const slot of teamSlots) {
      const { terms: fill, fixed } = filled(slot);
      const hasAssignment = duties.some((duty) => levelOf.has(`${slot.id}|${duty.id}`));
      if (applies("vacant_slot") && fixed === 0) {
        const id = `vacant_slot:${team.id}:${slot.id}`;
        const high = severity("vacant_slot");
        const accountable = flagVar(`f${f++}`, id, high);
        // Info steps down to info: then one flag, whatever the slot is accountable for.
        const lower = stepDown(high) === high ? accountable : flagVar(`f${f++}`, id, stepDown(high));
        // vacant = 1 − Σ h.  accountable ≥ vacant + a − 1  ⇔  accountable + Σ h − a ≥ 0
        for (const duty of duties) {
          row(
            plus(
              new Map([
                [accountable, 1],
                [cellVar.get(`${slot.id}|${duty.id}`)!, -1],
              ]),
              fill,
            ),
            ">=",
            0,
          );
        }
        // accountable + lower ≥ vacant  ⇔  accountable + lower + Σ h ≥ 1
        row(plus(new Map([[accountable, 1]]), new Map([[lower, lower === accountable ? 0 : 1]]), fill), ">=", 1);
      }
      if (applies("idle_slot") && !hasAssignment) {
        // idle ≥ filled − Σ a
        const idle = flagVar(`f${f++}`, `idle_slot:${team.id}:${slot.id}`, severity("idle_slot"));
        const cells: TLinear = new Map(duties.map((duty) => [cellVar.get(`${slot.id}|${duty.id}`)!, 1]));
        row(plus(new Map([[idle, 1]]), cells, times(fill, -1)), ">=", fixed);
      }
    }

    // People on the team: who may hold which of its slots.
    const onTeam = new Map<
      string,
      { po: TLinear; pm: TLinear; any: TLinear; fixedPo: number; fixedPm: number; fixedAny: number }
    >();
    for (const slot of teamSlots) {
      for (const option of holderOptions.get(slot.id) ?? []) {
        const entry = onTeam.get(option.personId) ?? {
          po: new Map(),
          pm: new Map(),
          any: new Map(),
          fixedPo: 0,
          fixedPm: 0,
          fixedAny: 0,
        };
        if (option.name === null) {
          entry.fixedAny = 1;
          if (slot.role === PO_ROLE) entry.fixedPo = 1;
          if (slot.role === PM_ROLE) entry.fixedPm = 1;
        } else {
          entry.any.set(option.name, 1);
          if (slot.role === PO_ROLE) entry.po.set(option.name, 1);
          if (slot.role === PM_ROLE) entry.pm.set(option.name, 1);
        }
        onTeam.set(option.personId, entry);
      }
    }
    if (applies("dual_role")) {
      for (const [personId, entry] of onTeam) {
        const hasPo = entry.po.size > 0 || entry.fixedPo > 0;
        const hasPm = entry.pm.size > 0 || entry.fixedPm > 0;
        if (!hasPo || !hasPm) continue;
        const id = `dual_role:${team.id}:${personId}`;
        if (entry.po.size === 0 && entry.pm.size === 0) {
          fixedFlag(id, severity("dual_role"));
          continue;
        }
        const dual = flagVar(`f${f++}`, id, severity("dual_role"));
        // dual ≥ po + pm − 1 for each PO option and PM option (a fixed one counts as 1).
        const pos = entry.fixedPo ? [null] : [...entry.po.keys()];
        const pms = entry.fixedPm ? [null] : [...entry.pm.keys()];
        for (const po of pos) {
          for (const pm of pms) {
            const terms: TLinear = new Map([[dual, 1]]);
            if (po) terms.set(po, -1);
            if (pm) terms.set(pm, -1);
            row(terms, ">=", (po ? 0 : 1) + (pm ? 0 : 1) - 1);
          }
        }
      }
    }
    // y(team, person) ≥ each option on the team: whether they hold a slot of it (and a PO slot).
    const teamSizeOn = applies("team_size");
    const sizeTerms: TLinear = new Map();
    let sizeFixed = 0;
    for (const [personId, entry] of onTeam) {
      if (entry.fixedAny) {
        sizeFixed++;
        continue;
      }
      const y = binary(`y${v++}`);
      for (const name of entry.any.keys())
        row(
          new Map([
            [y, 1],
            [name, -1],
          ]),
          ">=",
          0,
        );
      sizeTerms.set(y, 1);
      teamMembership.push({ personId, teamId: team.id, name: y, isPo: false });
      if (entry.po.size > 0 && !entry.fixedPo) {
        const yp = binary(`y${v++}`);
        for (const name of entry.po.keys())
          row(
            new Map([
              [yp, 1],
              [name, -1],
            ]),
            ">=",
            0,
          );
        teamMembership.push({ personId, teamId: team.id, name: yp, isPo: true });
      }
    }
    if (teamSizeOn) {
      const max = rules.team_size.params.max;
      const id = `team_size:${team.id}`;
      const possible = sizeTerms.size + sizeFixed;
      if (possible > max) {
        if (sizeTerms.size === 0) fixedFlag(id, severity("team_size"));
        else {
          const flag = flagVar(`f${f++}`, id, severity("team_size"));
          row(plus(sizeTerms, new Map([[flag, -(possible - max)]])), "<=", max - sizeFixed);
        }
      }
    }
  }

  // Allocations, made for a slot when its holder's overload constraint needs them: one binary per lower allocation,
  // at most one and only while the holder keeps the slot (a slot given to someone else goes as it is), and the cut
  // each makes.
  const cutOf = (slot: TSlot, holderVar: string): TLinear | null => {
    const levels = lowerAllocations(slot.allocation);
    if (levels.length === 0) return null;
    const options = levels.map((level) => ({ level, name: binary(`z${v++}`) }));
    const cut: TLinear = new Map();
    for (const { level, name } of options) {
      addCost(name, allocationChangeCost(slot.allocation, level));
      changeTerms.set(name, 1);
      cut.set(name, slot.allocation - level);
    }
    row(new Map([...options.map(({ name }): [string, number] => [name, 1]), [holderVar, -1]]), "<=", 0);
    decoders.push((values) => {
      const chosen = options.find(({ name }) => (values[name] ?? 0) > 0.5);
      return chosen
        ? [{ kind: "allocation", teamId: slot.teamId, slotId: slot.id, from: slot.allocation, to: chosen.level }]
        : [];
    });
    return cut;
  };

  // Person flags, for everyone who may gain or lose a slot.
  const overloadOn = isOn("overloaded_person");
  const tolerance = rules.overloaded_person.params.tolerance;
  for (const [personId, vars] of personVars) {
    const person = personById.get(personId)!;
    const varSlots = new Set(vars.map((entry) => entry.slot.id));
    const fixedHoldings = (holdingsOf.get(personId) ?? []).filter((slot) => !varSlots.has(slot.id));
    if (overloadOn) {
      const fixedAlloc = fixedHoldings.reduce((sum, slot) => sum + slot.allocation, 0);
      const limit = person.capacity * (1 + tolerance) + ALLOCATION_EPSILON;
      const id = `overloaded_person:${personId}`;
      const sev = rules.overloaded_person.severity as TSeverity;
      const most = fixedAlloc + vars.reduce((sum, entry) => sum + entry.slot.allocation, 0);
      if (fixedAlloc > limit) fixedFlag(id, sev);
      else if (most > limit) {
        const flag = flagVar(`f${f++}`, id, sev);
        const terms: TLinear = new Map([[flag, -(most - fixedAlloc)]]);
        for (const { slot, name } of vars) {
          terms.set(name, slot.allocation);
          // Their own slot may take less of their time: its allocation less the cut.
          const cut = allowAllocations && slot.holderId === personId ? cutOf(slot, name) : null;
          if (cut) for (const [level, amount] of cut) terms.set(level, -amount);
        }
        row(terms, "<=", limit - fixedAlloc);
      }
    }
    for (const kind of ["po_spread", "person_spread"] as const) {
      if (!isOn(kind)) continue;
      const isPo = kind === "po_spread";
      const max = rules[kind].params.max;
      const varTeams = new Set(
        teamMembership
          .filter((entry) => entry.personId === personId && entry.isPo === isPo)
          .map((entry) => entry.teamId),
      );
      const fixedTeams = new Set(
        fixedHoldings
          .filter((slot) => (!isPo || slot.role === PO_ROLE) && !varTeams.has(slot.teamId))
          .map((slot) => slot.teamId),
      );
      const terms: TLinear = new Map(
        teamMembership
          .filter((entry) => entry.personId === personId && entry.isPo === isPo && !fixedTeams.has(entry.teamId))
          .map((entry) => [entry.name, 1]),
      );
      const id = `${kind}:${personId}`;
      const sev = rules[kind].severity as TSeverity;
      if (fixedTeams.size > max) fixedFlag(id, sev);
      else if (fixedTeams.size + terms.size > max) {
        const flag = flagVar(`f${f++}`, id, sev);
        terms.set(flag, -(fixedTeams.size + terms.size - max));
        row(terms, "<=", max - fixedTeams.size);
      }
    }
  }

  // Every other flag stays as it is: outside the teams in play, or about a person no variable touches.
  const modelled = (flag: TRuleFlag) =>
    PERSON_FLAG_KINDS.has(flag.kind) && "person" in flag
      ? personVars.has(flag.person.id)
      : "team" in flag && inPlay.has(flag.team.id);
  for (const flag of analysis.flags) if (!modelled(flag)) constant += flagWeight(flag.severity, true, asked);

  if (options.maxChanges !== undefined) row(changeTerms, "<=", options.maxChanges - changeConstant);

  const objectiveText = [...objective]
    .filter(([, c]) => c !== 0)
    .map(([name, c]) => `${c >= 0 ? "+" : "-"} ${num(Math.abs(c))} ${name}`);
  const lp = [
    "Minimize",
    ` obj: ${objectiveText.length > 0 ? objectiveText.join(" ") : `0 ${binaries[0] ?? "a0"}`}`,
    "Subject To",
    ...(rows.length > 0 ? rows : [` r0: ${binaries[0] ?? "a0"} >= 0`]),
    "Binaries",
    ...chunk(binaries, 20).map((names) => ` ${names.join(" ")}`),
    "End",
  ].join("\n");
  return {
    lp,
    constant: round(constant),
    variableCount: binaries.length,
    decode: (values) => decoders.flatMap((decode) => decode(values)),
    teamIds: [...inPlay],
    isPoolComplete: pool !== null || perSlot === Infinity,
    candidatesPerSlot: perSlot === Infinity ? null : perSlot,
  };
}

type TPoolProfile = {
  id: string;
  /** Capacity × (1 + tolerance) less what they hold. */
  room: number;
  teams: number;
  poTeams: number;
  /** What each person flag of theirs costs if the plan leaves it there or raises it. */
  weights: [overload: number, spread: number, poSpread: number];
};

/**
 * Everyone who could make the plan better as a new holder, or null when that is more than HOLDER_OPTION_BUDGET
 * (slot, person) options. People who hold a slot in play may all be needed. Anyone else (an outsider) costs the plan
 * only through their own flags, which depend on their room, their teams and PO teams, and whether each flag is there
 * now; an outsider that at least as many other outsiders dominate (as much room or more, no more teams, no dearer
 * flags) as the plan could give slots to outsiders is never needed: in any plan that uses them, one of those is free
 * and takes their slots for no more cost. So a plan optimal among this pool is optimal among every person.
 */
function holderPool(
  map: TRemitMap,
  rules: TRules,
  slotsInPlay: readonly TSlot[],
  holdingsOf: ReadonlyMap<string, readonly TSlot[]>,
  context: {
    asked: ReadonlySet<TSeverity>;
    keysNow: ReadonlySet<string>;
    lockedPeople: ReadonlySet<string>;
    maxChanges: number | undefined;
  },
): string[] | null {
  const open = slotsInPlay.filter((slot) => slot.holderId === null || !context.lockedPeople.has(slot.holderId));
  if (open.length === 0) return [];
  const insiders = new Set<string>();
  for (const slot of slotsInPlay) {
    if (slot.holderId !== null && !context.lockedPeople.has(slot.holderId)) insiders.add(slot.holderId);
  }
  const most = Math.floor(HOLDER_OPTION_BUDGET / open.length);
  if (insiders.size > most) return null;
  // However many outsiders the plan could give slots to: each takes at least one slot, each a change.
  const needed = Math.min(open.length, context.maxChanges ?? Infinity);
  const weight = (id: TRuleId, personId: string) => {
    if (rules[id].severity === "off") return 0;
    const severity = rules[id].severity as TSeverity;
    return flagWeight(severity, context.keysNow.has(`${id}:${personId}@${severity}`), context.asked);
  };
  const tolerance = rules.overloaded_person.params.tolerance;
  const profiles: TPoolProfile[] = [];
  for (const person of map.people) {
    if (insiders.has(person.id) || context.lockedPeople.has(person.id)) continue;
    const held = holdingsOf.get(person.id) ?? [];
    const teams = new Set(held.map((slot) => slot.teamId));
    const poTeams = new Set(held.filter((slot) => slot.role === PO_ROLE).map((slot) => slot.teamId));
    profiles.push({
      id: person.id,
      room: person.capacity * (1 + tolerance) - held.reduce((sum, slot) => sum + slot.allocation, 0),
      teams: teams.size,
      poTeams: poTeams.size,
      weights: [
        weight("overloaded_person", person.id),
        weight("person_spread", person.id),
        weight("po_spread", person.id),
      ],
    });
  }
  // An order in which whoever dominates someone comes before them.
  profiles.sort(
    (a, b) =>
      b.room - a.room ||
      a.teams - b.teams ||
      a.poTeams - b.poTeams ||
      a.weights[0] - b.weights[0] ||
      a.weights[1] - b.weights[1] ||
      a.weights[2] - b.weights[2] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const isOn = (id: TRuleId) => rules[id].severity !== "off";
  const [overloadOn, spreadOn, poSpreadOn] = [isOn("overloaded_person"), isOn("person_spread"), isOn("po_spread")];
  const dominates = (q: TPoolProfile, p: TPoolProfile) =>
    (!overloadOn || q.room >= p.room - ALLOCATION_EPSILON) &&
    (!spreadOn || q.teams <= p.teams) &&
    (!poSpreadOn || q.poTeams <= p.poTeams) &&
    q.weights.every((w, index) => w <= p.weights[index]!);
  const chosen: TPoolProfile[] = [];
  for (const profile of profiles) {
    let dominators = 0;
    for (const other of chosen) if (dominates(other, profile) && ++dominators >= needed) break;
    if (dominators >= needed) continue;
    chosen.push(profile);
    if (insiders.size + chosen.length > most) return null;
  }
  return [...insiders, ...chosen.map((profile) => profile.id)];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function num(value: number): string {
  return String(Math.round(value * 1e9) / 1e9);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
