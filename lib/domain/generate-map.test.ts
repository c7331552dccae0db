import { describe, expect, it } from "vitest";
import { validateMapDocument } from "@/lib/validation/map";
import { analyzeMap } from "./analyze-map";
import { DEFAULT_DUTIES } from "./duty-catalogue";
import { generateMap } from "./generate-map";
import { isValidKey } from "./keys";
import { mapToDocument } from "./map-document";
import type { TRemitMap } from "./model";

/** Keys unique in their scope, references that resolve, one level per duty and slot, a valid document. */
function expectConsistent(map: TRemitMap) {
  for (const list of [map.people, map.teams, map.duties]) {
    const keys = list.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every(isValidKey)).toBe(true);
  }
  for (const team of map.teams) {
    const keys = map.slots.filter((slot) => slot.teamId === team.id).map((slot) => slot.key);
    expect(new Set(keys).size).toBe(keys.length);
  }
  const slotTeam = new Map(map.slots.map((slot) => [slot.id, slot.teamId]));
  const dutyIds = new Set(map.duties.map((duty) => duty.id));
  const personIds = new Set(map.people.map((person) => person.id));
  const cells = new Set<string>();
  for (const assignment of map.assignments) {
    expect(slotTeam.get(assignment.slotId)).toBe(assignment.teamId);
    expect(dutyIds.has(assignment.dutyId)).toBe(true);
    cells.add(`${assignment.dutyId} ${assignment.slotId}`);
  }
  expect(cells.size).toBe(map.assignments.length);
  expect(map.slots.every((slot) => slot.holderId === null || personIds.has(slot.holderId))).toBe(true);
  expect(validateMapDocument(JSON.parse(JSON.stringify(mapToDocument(map)))).ok).toBe(true);
}

describe("generateMap", () => {
  const map = generateMap({ teams: 200, seed: 5 });

  it("gives the same map for the same seed and a different one for another seed", () => {
    expect(generateMap({ teams: 30, seed: 9 })).toEqual(generateMap({ teams: 30, seed: 9 }));
    expect(generateMap({ teams: 30, seed: 9 })).not.toEqual(generateMap({ teams: 30, seed: 10 }));
  });

  it("has about ten people and ten slots per team, each team starting with a PO and a PM", () => {
    expect(map.teams).toHaveLength(200);
    expect(map.people).toHaveLength(2000);
    const slotsPerTeam = map.teams.map((team) => map.slots.filter((slot) => slot.teamId === team.id));
    for (const slots of slotsPerTeam) {
      expect(slots.length).toBeGreaterThanOrEqual(8);
      expect(slots.length).toBeLessThanOrEqual(12);
      expect(slots.slice(0, 2).map((slot) => slot.role)).toEqual(["PO", "PM"]);
    }
    expect(map.slots.length / map.teams.length).toBeCloseTo(10, 0);
    expect(map.assignments.length / map.teams.length).toBeGreaterThan(40);
  });

  it("uses the default catalogue plus custom duties, some of them optional", () => {
    const keys = map.duties.map((duty) => duty.key);
    expect(keys.slice(0, 10)).toEqual(DEFAULT_DUTIES.map((duty) => duty.key));
    expect(keys.length).toBeGreaterThan(10);
    expect(map.duties.some((duty) => !duty.required)).toBe(true);
  });

  it("keeps keys unique, references resolving and one level per duty and slot", () => {
    expectConsistent(map);
  });

  it("puts people on several teams and plants every kind of problem", () => {
    const teamsByPerson = new Map<string, Set<string>>();
    for (const slot of map.slots) {
      if (slot.holderId === null) continue;
      const teams = teamsByPerson.get(slot.holderId) ?? new Set();
      teams.add(slot.teamId);
      teamsByPerson.set(slot.holderId, teams);
    }
    expect([...teamsByPerson.values()].filter((teams) => teams.size > 1).length).toBeGreaterThan(100);

    const { byKind } = analyzeMap(map).counts;
    for (const count of Object.values(byKind)) expect(count).toBeGreaterThan(0);
    // "Some" problems, not a broken organisation.
    expect(byKind.unowned_duty).toBeLessThan(map.teams.length / 4);
    expect(byKind.vacant_slot).toBeLessThan(map.slots.length / 10);
  });

  it("gives a small organisation a vacancy, a dual role, an overload, an unowned duty and shared ownership too", () => {
    for (const teams of [1, 2, 10]) {
      for (const seed of [1, 2, 3, 7]) {
        const small = generateMap({ teams, seed });
        expectConsistent(small);
        const { byKind } = analyzeMap(small).counts;
        for (const kind of [
          "vacant_slot",
          "dual_role",
          "overloaded_person",
          "unowned_duty",
          "shared_ownership",
        ] as const) {
          expect(byKind[kind], `${kind} with ${teams} teams, seed ${seed}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("puts people on several teams even in a small organisation", () => {
    const small = generateMap({ teams: 10, seed: 7 });
    const teamsOf = (personId: string) =>
      new Set(small.slots.filter((slot) => slot.holderId === personId).map((slot) => slot.teamId));
    expect(small.people.filter((person) => teamsOf(person.id).size > 1).length).toBeGreaterThan(2);
  });

  it("can make an empty organisation", () => {
    expect(generateMap({ teams: 0 })).toMatchObject({ teams: [], people: [], slots: [], assignments: [] });
  });
});
