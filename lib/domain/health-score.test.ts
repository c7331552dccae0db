import { describe, expect, it } from "vitest";
import { HEALTH_BASELINE_SLOTS, scoreOrganization, scoreTeam } from "./health-score";

const counts = (error: number, warning: number, info: number) => ({ error, warning, info });

describe("scoreTeam", () => {
  it("gives 100 to a team with nothing flagged, whatever its size", () => {
    expect(scoreTeam(counts(0, 0, 0), 0)).toBe(100);
    expect(scoreTeam(counts(0, 0, 0), 40)).toBe(100);
  });

  it("takes 15 points per error, 5 per warning and 1 per info in a small team", () => {
    expect(scoreTeam(counts(1, 0, 0), 2)).toBe(85);
    expect(scoreTeam(counts(0, 1, 0), 2)).toBe(95);
    expect(scoreTeam(counts(0, 0, 1), 2)).toBe(99);
    expect(scoreTeam(counts(2, 1, 3), HEALTH_BASELINE_SLOTS)).toBe(62);
  });

  it("charges errors in full in a big team, but scales warnings and info by its size", () => {
    expect(scoreTeam(counts(1, 0, 0), 20)).toBe(85);
    // 4 warnings cost 20 points in a 5-slot team and a quarter of that in a 20-slot team.
    expect(scoreTeam(counts(0, 4, 0), 5)).toBe(80);
    expect(scoreTeam(counts(0, 4, 0), 20)).toBe(95);
  });

  it("gives the same score to a team twice as big with twice the slot problems", () => {
    expect(scoreTeam(counts(0, 3, 2), 10)).toBe(scoreTeam(counts(0, 6, 4), 20));
  });

  it("never goes below 0", () => {
    expect(scoreTeam(counts(10, 2, 0), 2)).toBe(0);
  });

  it("returns whole numbers", () => {
    expect(scoreTeam(counts(0, 1, 0), 10)).toBe(98);
    expect(Number.isInteger(scoreTeam(counts(0, 1, 1), 7))).toBe(true);
  });
});

describe("scoreOrganization", () => {
  it("is the rounded mean of the team scores", () => {
    expect(scoreOrganization([100, 85])).toBe(93);
    expect(scoreOrganization([100, 100, 0])).toBe(67);
  });

  it("is null when there is no team to score", () => {
    expect(scoreOrganization([])).toBeNull();
  });
});
