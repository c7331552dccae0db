import { describe, expect, it } from "vitest";
import { generateMap } from "./generate-map";
import { describeMapCounts, mapCounts } from "./map-counts";

describe("mapCounts", () => {
  it("counts each kind of row, and says them in words", () => {
    const map = generateMap({ teams: 3, seed: 1 });
    const counts = mapCounts(map);
    expect(counts).toEqual({
      teams: 3,
      people: map.people.length,
      duties: map.duties.length,
      slots: map.slots.length,
      assignments: map.assignments.length,
    });
    expect(describeMapCounts({ teams: 1, people: 1, duties: 1, slots: 1, assignments: 1 })).toBe(
      "1 team, 1 person, 1 duty, 1 slot and 1 assignment",
    );
    expect(describeMapCounts({ teams: 1000, people: 10000, duties: 13, slots: 0, assignments: 46803 })).toBe(
      "1,000 teams, 10,000 people, 13 duties, 0 slots and 46,803 assignments",
    );
  });
});
