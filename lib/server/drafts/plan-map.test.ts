import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/domain/generate-map";
import { mapOf, type TTeamSpec } from "@/lib/domain/map-spec.fixture";
import { RACI_LEVELS, type TRemitMap } from "@/lib/domain/model";
import { judgePlan, type TPlanChange, type TPlanClear } from "@/lib/domain/plan-model";
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

/** Every set of changes the program may choose from: each cell accountable or not, each slot held by anyone or none. */
function* everyPlan(map: TRemitMap): Generator<TPlanChange[]> {
  const choices: TPlanChange[][] = [];
  for (const slot of map.slots) {
    for (const duty of map.duties) {
      const level = map.assignments.find((a) => a.slotId === slot.id && a.dutyId === duty.id)?.level ?? null;
      const to = level === "accountable" ? "responsible" : "accountable";
      choices.push([{ kind: "cell", teamId: slot.teamId, dutyId: duty.id, slotId: slot.id, from: level, to }]);
    }
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

function bruteForce(map: TRemitMap, rules: TRules, clear: TPlanClear, maxChanges?: number): number {
  let best = Infinity;
  for (const changes of everyPlan(map)) {
    if (maxChanges !== undefined && changes.length > maxChanges) continue;
    best = Math.min(best, judgePlan(map, rules, changes, clear).objective);
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
  const cases: [string, TRules, TPlanClear, number | undefined][] = [
    ["default rules, errors", DEFAULT_RULES, "errors", undefined],
    ["default rules, errors and warnings", DEFAULT_RULES, "errors_and_warnings", undefined],
    ["more rules on, errors and warnings", STRICT, "errors_and_warnings", undefined],
    ["default rules, at most 2 changes", DEFAULT_RULES, "errors_and_warnings", 2],
  ];
  for (const [label, rules, clear, maxChanges] of cases) {
    it(`every plan it proves optimal is optimal (${label})`, { timeout: 120_000 }, async () => {
      let proven = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const map = smallMap(seed * 7919 + label.length);
        const plan = await planMap(map, rules, { clear, maxChanges, candidatesPerSlot: Infinity }, 20);
        const best = bruteForce(map, rules, clear, maxChanges);
        if (plan.status === "nothing_to_clear") {
          // Nothing asked is flagged: doing nothing is optimal.
          expect(judgePlan(map, rules, [], clear).objective).toBe(best);
          continue;
        }
        expect(plan.status, `seed ${seed}`).toBe("planned");
        if (plan.status !== "planned" || !plan.isOptimal) continue;
        proven++;
        // The program counts exactly what the analysis finds, and nothing does better.
        expect(plan.judgement.objective, `seed ${seed}: the program's objective is the analysis's`).toBeCloseTo(
          plan.objective,
          6,
        );
        expect(plan.objective, `seed ${seed}`).toBeCloseTo(best, 6);
        if (maxChanges !== undefined) expect(plan.changes.length).toBeLessThanOrEqual(maxChanges);
      }
      expect(proven).toBeGreaterThan(0);
    });
  }
});
