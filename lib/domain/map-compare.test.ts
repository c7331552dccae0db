import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { CHECKOUT_MAP } from "./checkout-map.fixture";
import { compareMaps, flagKey } from "./map-compare";

describe("compareMaps", () => {
  it("finds nothing between a map and itself", () => {
    const same = compareMaps(CHECKOUT_MAP, CHECKOUT_MAP);
    expect(same.changes.total).toBe(0);
    expect(same.flags).toEqual({ resolved: [], introduced: [] });
    expect(same.teams).toEqual([]);
    expect(same.score.before).toBe(same.score.after);
  });

  it("tells the flags a change introduces and resolves, by keys, and the teams whose health moves", () => {
    const accountable = CHECKOUT_MAP.assignments.find((cell) => cell.level === "accountable")!;
    const after = { ...CHECKOUT_MAP, assignments: CHECKOUT_MAP.assignments.filter((cell) => cell !== accountable) };
    const comparison = compareMaps(CHECKOUT_MAP, after);
    expect(comparison.changes.assignments.removed).toHaveLength(1);
    const introducedKeys = comparison.flags.introduced.map((flag) => flag.key);
    const expected = analyzeMap(after).flags.filter(
      (flag) => !analyzeMap(CHECKOUT_MAP).flags.some((before) => flagKey(before) === flagKey(flag)),
    );
    expect(introducedKeys).toEqual(expected.map(flagKey));
    const team = CHECKOUT_MAP.teams.find((candidate) => candidate.id === accountable.teamId)!;
    expect(comparison.teams.map((row) => row.key)).toEqual([team.key]);
    expect(comparison.teams[0]!.after!).toBeLessThan(comparison.teams[0]!.before!);
  });
});
