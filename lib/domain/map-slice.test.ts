import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { generateMap } from "./generate-map";
import { mapSlice, peopleSlice, personSlice, sliceHoldsCell, teamSlice } from "./map-slice";
import { CHECKOUT_MAP } from "./checkout-map.fixture";
import type { TRemitMap } from "./model";
import { peopleRows, personDuties } from "./people-view";

const map = CHECKOUT_MAP;

describe("teamSlice", () => {
  it("keeps the team, its slots and cells, every duty, its holders, and nothing of teams they are not in", () => {
    const slice = teamSlice(map, "t1")!;
    expect(slice.teams.map((team) => team.id)).toEqual(["t1"]);
    expect(slice.slots.map((slot) => slot.id).sort()).toEqual(["s-lead", "s-pm", "s-po"]);
    expect(slice.assignments).toEqual([map.assignments[0]]);
    expect(slice.duties).toBe(map.duties);
    expect(slice.people.map((person) => person.id)).toEqual(["p1"]);
  });

  it("brings the other slots of the team's holders, with their teams but not their cells", () => {
    const shared: TRemitMap = {
      ...map,
      slots: map.slots.map((slot) => (slot.id === "s-other" ? { ...slot, holderId: "p1" } : slot)),
    };
    const slice = teamSlice(shared, "t1")!;
    expect(slice.teams.map((team) => team.id).sort()).toEqual(["t1", "t2"]);
    expect(slice.slots.map((slot) => slot.id)).toContain("s-other");
    expect(slice.assignments.every((assignment) => assignment.teamId === "t1")).toBe(true);
  });

  it("is null for an unknown team", () => {
    expect(teamSlice(map, "nope")).toBeNull();
  });

  it.each([1, 2, 3])("gives every team exactly the analysis it has in the whole map (seed %i)", (seed) => {
    const whole = generateMap({ teams: 40, seed });
    const analysis = analyzeMap(whole);
    for (const team of whole.teams) {
      const slice = teamSlice(whole, team.id)!;
      const fromSlice = analyzeMap(slice).teams.find((entry) => entry.team.id === team.id);
      expect(fromSlice).toEqual(analysis.teams.find((entry) => entry.team.id === team.id));
      expect(slice.assignments.length).toBeLessThan(whole.assignments.length / 10);
    }
  });
});

describe("personSlice", () => {
  it("keeps the person, the slots they hold with their cells and teams, and every duty", () => {
    const slice = personSlice(map, "p1")!;
    expect(slice.people.map((person) => person.id)).toEqual(["p1"]);
    expect(slice.slots.map((slot) => slot.id)).toEqual(["s-po"]);
    expect(slice.teams.map((team) => team.id)).toEqual(["t1"]);
    expect(slice.assignments).toEqual([map.assignments[0]]);
    expect(slice.duties).toBe(map.duties);
    expect(personSlice(map, "nobody")).toBeNull();
  });

  it.each([1, 2])("gives every person the row, flags and duties they have in the whole map (seed %i)", (seed) => {
    const whole = generateMap({ teams: 30, seed });
    const rows = new Map(peopleRows(whole, analyzeMap(whole)).map((row) => [row.person.id, row]));
    for (const person of whole.people) {
      const slice = personSlice(whole, person.id)!;
      expect(peopleRows(slice, analyzeMap(slice))).toEqual([rows.get(person.id)]);
      expect(personDuties(slice, person.id)).toEqual(personDuties(whole, person.id));
    }
  });
});

describe("peopleSlice", () => {
  it("leaves out duties and assignments, and gives the same people rows as the whole map", () => {
    const whole = generateMap({ teams: 60, seed: 4 });
    const slice = peopleSlice(whole);
    expect(slice.assignments).toEqual([]);
    expect(slice.duties).toEqual([]);
    expect(peopleRows(slice, analyzeMap(slice))).toEqual(peopleRows(whole, analyzeMap(whole)));
  });
});

describe("mapSlice", () => {
  it("picks the slice for each scope", () => {
    expect(mapSlice(map, { teamId: "t1" })).toEqual(teamSlice(map, "t1"));
    expect(mapSlice(map, { personId: "p1" })).toEqual(personSlice(map, "p1"));
    expect(mapSlice(map, "people")).toEqual(peopleSlice(map));
    expect(mapSlice(map, "roster")).toEqual({ people: map.people, teams: [], slots: [], duties: [], assignments: [] });
    expect(mapSlice(map, { teamId: "nope" })).toBeNull();
  });
});

describe("sliceHoldsCell", () => {
  const cell = { teamId: "t1", slotId: "s-po" };
  it("is true for the whole map and for the cell's own team", () => {
    expect(sliceHoldsCell(undefined, map, cell)).toBe(true);
    expect(sliceHoldsCell({ teamId: "t1" }, teamSlice(map, "t1")!, cell)).toBe(true);
  });

  it("is false for another team's part, even when it carries the slot, and for parts without cells", () => {
    const shared: TRemitMap = {
      ...map,
      slots: map.slots.map((slot) => (slot.id === "s-other" ? { ...slot, holderId: "p1" } : slot)),
    };
    const other = { teamId: "t2", slotId: "s-other" };
    expect(teamSlice(shared, "t1")!.slots.some((slot) => slot.id === "s-other")).toBe(true);
    expect(sliceHoldsCell({ teamId: "t1" }, teamSlice(shared, "t1")!, other)).toBe(false);
    expect(sliceHoldsCell("people", peopleSlice(map), cell)).toBe(false);
    expect(sliceHoldsCell("roster", mapSlice(map, "roster")!, cell)).toBe(false);
  });

  it("is true for a person's part exactly when they hold the cell's slot", () => {
    expect(sliceHoldsCell({ personId: "p1" }, personSlice(map, "p1")!, cell)).toBe(true);
    expect(sliceHoldsCell({ personId: "p1" }, personSlice(map, "p1")!, { teamId: "t1", slotId: "s-pm" })).toBe(false);
  });
});
