import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { CHECKOUT_MAP } from "./checkout-map.fixture";
import { compareMaps, describeTeamChange, flagKey, teamChanges } from "./map-compare";

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

describe("teamChanges", () => {
  it("finds no team in a map compared with itself", () => {
    expect(teamChanges(compareMaps(CHECKOUT_MAP, CHECKOUT_MAP))).toEqual([]);
  });

  it("tells each team added, removed or changed, and what about it changed", () => {
    const after = {
      ...CHECKOUT_MAP,
      teams: [
        { ...CHECKOUT_MAP.teams[0]!, group: "Commerce" },
        { id: "t3", key: "risk", name: "Risk", description: null, group: null },
      ],
      // Search goes; Checkout's PO slot falls vacant, and with it its accountable owner.
      slots: CHECKOUT_MAP.slots.flatMap((slot) =>
        slot.teamId === "t2" ? [] : [slot.id === "s-po" ? { ...slot, holderId: null } : slot],
      ),
      assignments: CHECKOUT_MAP.assignments.filter((cell) => cell.teamId !== "t2"),
    };
    const changes = teamChanges(compareMaps(CHECKOUT_MAP, after));
    expect(changes.map(({ key, kind }) => ({ key, kind }))).toEqual([
      { key: "checkout", kind: "changed" },
      { key: "risk", kind: "added" },
      { key: "search", kind: "removed" },
    ]);
    const checkout = changes[0]!;
    expect(checkout.name).toBe("Checkout");
    expect(checkout.what).toEqual(expect.arrayContaining(["group", "slots"]));
    expect(checkout.what.some((what) => /^health \d+ → \d+$/.test(what))).toBe(true);
    expect(changes[2]).toMatchObject({ name: "Search", what: [] });
    expect(describeTeamChange(changes[1]!)).toBe("new");
    expect(describeTeamChange({ kind: "changed", what: ["slots", "duties"] })).toBe("changed: slots, duties");
  });

  it("names a team changed only in its slots by its name", () => {
    const after = { ...CHECKOUT_MAP, slots: CHECKOUT_MAP.slots.map((slot) => ({ ...slot, allocation: 0.5 })) };
    expect(teamChanges(compareMaps(CHECKOUT_MAP, after)).map((change) => [change.name, change.what])).toEqual([
      ["Checkout", ["slots"]],
      ["Search", ["slots"]],
    ]);
  });
});
