import { describe, expect, it } from "vitest";
import { generateMap, mulberry32 } from "@/lib/domain/generate-map";
import { mapOf, type TTeamSpec } from "@/lib/domain/map-spec.fixture";
import { RACI_LEVELS, type TRemitMap } from "@/lib/domain/model";
import {
  buildPlanProgram,
  judgePlan,
  lowerAllocations,
  type TPlanChange,
  type TPlanOptions,
  type TPlanProgress,
} from "@/lib/domain/plan-model";
import { DEFAULT_RULES, resolveRules, type TRules } from "@/lib/domain/rules";
import { planMap } from "./plan-map";

/** A small random map: teams of a PO and a PM slot (some with a third), two duties, three people. */
function smallMap(seed: number): TRemitMap {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const people = ["ana", "ben", "cy"];
  const teamCount = random() < 0.5 ? 1 : 2;
  const teams: TTeamSpec[] = Array.from({ length: teamCount }, (_, index) => {
    const slots = [
      { key: "po", role: "PO", holder: pick([undefined, ...people]), allocation: pick([0.5, 1]) },
      { key: "pm", role: "PM", holder: pick([undefined, ...people]), allocation: pick([0.5, 1]) },
    ];
    const cells: TTeamSpec["cells"] = [];
    for (const duty of ["vision", "day-to-day"]) {
      for (const slot of slots) {
        const level = pick([null, null, ...RACI_LEVELS, "accountable"] as const);
        if (level) cells.push([duty, slot.key, level]);
      }
    }
    return { key: `t${index}`, slots, cells };
  });
  return mapOf({
    duties: ["vision", "day-to-day"],
    people: people.map((key) => ({ key, capacity: pick([0.5, 1, 1.5]) })),
    teams,
  });
}

/**
 * One open team (a PO and a PM slot, two duties) beside a locked one whose slots the same three people hold, so that
 * an overload may come from both teams; allocations that can be lowered, and capacities that make overloads likely.
 */
function allocationMap(seed: number, people = ["ana", "ben", "cy"]): TRemitMap {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const allocations = [0.3, 0.5, 0.6, 1];
  const team = (key: string, holders: readonly (string | undefined)[], withCells: boolean): TTeamSpec => {
    const slots = [
      { key: "po", role: "PO", holder: pick(holders), allocation: pick(allocations) },
      { key: "pm", role: "PM", holder: pick(holders), allocation: pick(allocations) },
    ];
    const cells: TTeamSpec["cells"] = [];
    for (const duty of ["vision", "day-to-day"]) {
      for (const slot of slots) {
        const level = withCells ? pick([null, ...RACI_LEVELS, "accountable"] as const) : "accountable";
        if (level) cells.push([duty, slot.key, level]);
      }
    }
    return { key, slots, cells };
  };
  return mapOf({
    duties: ["vision", "day-to-day"],
    people: people.map((key) => ({ key, capacity: pick([0.5, 1, 1.2]) })),
    teams: [team("t0", [undefined, ...people], true), team("t1", people, false)],
    // (With more people, some hold no slot: outsiders the plan may draw on.)
  });
}

/**
 * Every set of changes the program may choose from: each cell accountable or not, each slot held by anyone or none
 * or (with allocations) by its holder at a lower allocation, nothing in a locked team.
 */
function* everyPlan(map: TRemitMap, options: TPlanOptions): Generator<TPlanChange[]> {
  const choices: TPlanChange[][] = [];
  for (const slot of map.slots) {
    if (options.lockedTeams?.includes(slot.teamId)) continue;
    // A lower allocation keeps the holder (it is one of the slot's options, beside each other holder).
    if (options.allowAllocationChanges !== false && slot.holderId !== null) {
      for (const to of lowerAllocations(slot.allocation)) {
        choices.push([{ kind: "allocation", teamId: slot.teamId, slotId: slot.id, from: slot.allocation, to }]);
      }
    }
    for (const duty of map.duties) {
      const level = map.assignments.find((a) => a.slotId === slot.id && a.dutyId === duty.id)?.level ?? null;
      const to = level === "accountable" ? "responsible" : "accountable";
      choices.push([{ kind: "cell", teamId: slot.teamId, dutyId: duty.id, slotId: slot.id, from: level, to }]);
    }
    if (options.allowHolderChanges === false) continue;
    for (const holder of [null, ...map.people.map((person) => person.id)]) {
      if (holder === slot.holderId) continue;
      choices.push([{ kind: "holder", teamId: slot.teamId, slotId: slot.id, from: slot.holderId, to: holder }]);
    }
  }
  // Group the options by what they change (a cell, or a slot's holder): at most one option of each group.
  const groups = new Map<string, TPlanChange[]>();
  for (const [change] of choices) {
    const key = change!.kind === "cell" ? `${change!.slotId}|${change!.dutyId}` : `holder|${change!.slotId}`;
    groups.set(key, [...(groups.get(key) ?? []), change!]);
  }
  const list = [...groups.values()];
  function* walk(index: number, chosen: TPlanChange[]): Generator<TPlanChange[]> {
    if (index === list.length) {
      yield chosen;
      return;
    }
    yield* walk(index + 1, chosen);
    for (const option of list[index]!) yield* walk(index + 1, [...chosen, option]);
  }
  yield* walk(0, []);
}

function bruteForce(map: TRemitMap, rules: TRules, options: TPlanOptions): number {
  let best = Infinity;
  for (const changes of everyPlan(map, options)) {
    if (options.maxChanges !== undefined && changes.length > options.maxChanges) continue;
    best = Math.min(best, judgePlan(map, rules, changes, options.clear).objective);
  }
  return best;
}

const STRICT = resolveRules([
  { id: "lean_mismatch", severity: "on" },
  { id: "po_spread", severity: "warning", params: { max: 1 } },
  { id: "no_responsible", severity: "warning" },
  { id: "team_size", severity: "warning", params: { max: 1 } },
]);

describe("planMap against brute force", () => {
  const cases: [string, (seed: number) => TRemitMap, TRules, Omit<TPlanOptions, "lockedTeams">][] = [
    // Allocations kept: every cell and holder choice of two open teams.
    ["default rules, errors", smallMap, DEFAULT_RULES, { clear: "errors", allowAllocationChanges: false }],
    [
      "default rules, errors and warnings",
      smallMap,
      DEFAULT_RULES,
      { clear: "errors_and_warnings", allowAllocationChanges: false },
    ],
    [
      "more rules on, errors and warnings",
      smallMap,
      STRICT,
      { clear: "errors_and_warnings", allowAllocationChanges: false },
    ],
    [
      "default rules, at most 2 changes",
      smallMap,
      DEFAULT_RULES,
      { clear: "errors_and_warnings", maxChanges: 2, allowAllocationChanges: false },
    ],
    // Allocations too: one open team beside a locked one.
    ["allocations, errors and warnings", allocationMap, DEFAULT_RULES, { clear: "errors_and_warnings" }],
    ["allocations, more rules on", allocationMap, STRICT, { clear: "errors_and_warnings" }],
    ["allocations, at most 1 change", allocationMap, DEFAULT_RULES, { clear: "errors_and_warnings", maxChanges: 1 }],
    [
      "six people, some outside the teams",
      (seed) => allocationMap(seed, ["ana", "ben", "cy", "dee", "eve", "fay"]),
      DEFAULT_RULES,
      { clear: "errors_and_warnings" },
    ],
    [
      "six people, more rules on",
      (seed) => allocationMap(seed, ["ana", "ben", "cy", "dee", "eve", "fay"]),
      STRICT,
      { clear: "errors_and_warnings" },
    ],
    [
      "allocations, holders kept",
      allocationMap,
      DEFAULT_RULES,
      { clear: "errors_and_warnings", allowHolderChanges: false },
    ],
  ];
  for (const [label, makeMap, rules, planOptions] of cases) {
    it(`every plan it proves optimal is optimal (${label})`, { timeout: 120_000 }, async () => {
      let proven = 0;
      let allocationChanges = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const map = makeMap(seed * 7919 + label.length);
        const lockedTeams = makeMap === smallMap ? [] : ["team:t1"];
        // New holders from the program's own pool: everyone who could make the plan better.
        const options: TPlanOptions = { ...planOptions, lockedTeams };
        const plan = await planMap(map, rules, options, 20);
        const best = bruteForce(map, rules, options);
        if (plan.status === "nothing_to_clear") {
          // Nothing asked is flagged: doing nothing is optimal.
          expect(judgePlan(map, rules, [], options.clear).objective).toBe(best);
          continue;
        }
        expect(plan.status, `seed ${seed}`).toBe("planned");
        if (plan.status !== "planned" || !plan.isOptimal) continue;
        proven++;
        expect(plan.isPoolComplete).toBe(true);
        allocationChanges += plan.changes.filter((change) => change.kind === "allocation").length;
        // The program counts exactly what the analysis finds, and nothing does better.
        expect(plan.judgement.objective, `seed ${seed}: the program's objective is the analysis's`).toBeCloseTo(
          plan.objective,
          6,
        );
        expect(plan.objective, `seed ${seed}`).toBeCloseTo(best, 6);
        if (options.maxChanges !== undefined) expect(plan.changes.length).toBeLessThanOrEqual(options.maxChanges);
        if (options.allowAllocationChanges === false) {
          expect(plan.changes.some((change) => change.kind === "allocation")).toBe(false);
        }
      }
      expect(proven).toBeGreaterThan(0);
      if (label.startsWith("allocations"))
        console.log(`${label}: ${proven} proven, ${allocationChanges} allocation changes`);
    });
  }
});

describe("lowerAllocations", () => {
  it("goes in tenths below the allocation, down to half of it and never below a tenth", () => {
    expect(lowerAllocations(1)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(lowerAllocations(0.5)).toEqual([0.3, 0.4]);
    expect(lowerAllocations(0.25)).toEqual([0.2]);
    expect(lowerAllocations(0.1)).toEqual([]);
  });
});

describe("planMap lowers allocations", () => {
  // Ana holds a full-time slot and a 30% one; Ben has no room to take either, and the slots' duties need them.
  const map = mapOf({
    duties: ["vision", "day-to-day"],
    people: ["ana", "ben"],
    teams: [
      {
        key: "t0",
        slots: [
          { key: "po", role: "PO", holder: "ana", allocation: 1 },
          { key: "pm", role: "PM", holder: "ben", allocation: 1 },
        ],
        cells: [
          ["vision", "po", "accountable"],
          ["day-to-day", "pm", "accountable"],
        ],
      },
      {
        key: "t1",
        slots: [{ key: "po", role: "PO", holder: "ana", allocation: 0.3 }],
        cells: [
          ["vision", "po", "accountable"],
          ["day-to-day", "po", "accountable"],
        ],
      },
    ],
  });

  it("clears an overload with the smallest cut that does it", async () => {
    const plan = await planMap(map, DEFAULT_RULES, { clear: "errors_and_warnings" }, 20);
    expect(plan.status).toBe("planned");
    if (plan.status !== "planned") return;
    expect(plan.isOptimal).toBe(true);
    expect(plan.changes).toEqual([{ kind: "allocation", teamId: "team:t0", slotId: "slot:t0/po", from: 1, to: 0.7 }]);
    expect(plan.judgement.resolved.map((flag) => flag.kind)).toEqual(["overloaded_person"]);
    expect(plan.judgement.introduced).toEqual([]);
  });

  it("leaves allocations alone when told to", async () => {
    const plan = await planMap(map, DEFAULT_RULES, { clear: "errors_and_warnings", allowAllocationChanges: false }, 20);
    expect(plan.status === "planned" && plan.changes.some((change) => change.kind === "allocation")).toBe(false);
  });
});

describe("the holder pool", () => {
  it("leaves out people that enough others dominate, and says the pool is complete", async () => {
    // A vacant PO slot, and thirty people with nothing to do: any two of them are as good as the rest.
    const idle = Array.from({ length: 30 }, (_, index) => `idle-${index}`);
    const map = mapOf({
      duties: ["vision"],
      people: ["ana", ...idle],
      teams: [
        {
          key: "t0",
          slots: [
            { key: "po", role: "PO" },
            { key: "pm", role: "PM", holder: "ana" },
          ],
          cells: [["vision", "po", "accountable"]],
        },
      ],
    });
    const pooled = buildPlanProgram(map, DEFAULT_RULES, { clear: "errors" })!;
    const everyone = buildPlanProgram(map, DEFAULT_RULES, { clear: "errors", candidatesPerSlot: Infinity })!;
    expect(pooled.isPoolComplete).toBe(true);
    expect(pooled.candidatesPerSlot).toBeNull();
    // Two slots in play: two outsiders (of thirty) for each, beside Ana.
    expect(everyone.variableCount - pooled.variableCount).toBeGreaterThanOrEqual(2 * 28);
    const plan = await planMap(map, DEFAULT_RULES, { clear: "errors" }, 20);
    expect(plan.status === "planned" && plan.isOptimal && plan.isPoolComplete).toBe(true);
    expect(plan.status === "planned" && plan.changes).toEqual([
      {
        kind: "holder",
        teamId: "team:t0",
        slotId: "slot:t0/po",
        from: null,
        to: expect.stringMatching(/^person:idle-/),
      },
    ]);
  });
});

describe("planMap's progress", () => {
  it("reports its stages in order, and the solver's gap while it solves", { timeout: 60_000 }, async () => {
    const map = generateMap({ teams: 6, seed: 3, peoplePerTeam: 4 });
    const seen: TPlanProgress[] = [];
    const plan = await planMap(map, DEFAULT_RULES, { clear: "errors_and_warnings" }, 3, undefined, (progress) =>
      seen.push(progress),
    );
    expect(plan.status).toBe("planned");
    const stages = seen.map((progress) => progress.stage).filter((stage, index, all) => stage !== all[index - 1]);
    expect(stages).toEqual(["building", "solving", "judging"]);
    // HiGHS's own reports come while it solves (this program takes it more than a moment).
    const solving = seen.filter((progress) => progress.stage === "solving");
    expect(solving.length).toBeGreaterThan(1);
    for (const progress of solving) if (progress.gap !== null) expect(progress.gap).toBeGreaterThanOrEqual(0);
    expect(seen.map((progress) => progress.seconds)).toEqual(
      [...seen.map((progress) => progress.seconds)].sort((a, b) => a - b),
    );
  });
});
