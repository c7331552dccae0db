import { describe, expect, it } from "vitest";
import { findByAddress, personPagePath, teamPagePath } from "./page-paths";

describe("page paths", () => {
  it("names teams and people by key, with the moment when there is one", () => {
    expect(teamPagePath("acme", { key: "checkout" })).toBe("/acme/teams/checkout");
    expect(teamPagePath("acme", { key: "checkout" }, "2026-01-02T03:04:05.000Z")).toBe(
      "/acme/teams/checkout?at=2026-01-02T03%3A04%3A05.000Z",
    );
    expect(personPagePath("acme", { key: "ada" })).toBe("/acme/people/ada");
  });

  it("finds an entity by id first, then by key, as the API does", () => {
    const teams = [
      { id: "t1", key: "checkout" },
      { id: "t2", key: "t1" },
    ];
    expect(findByAddress(teams, "checkout")).toBe(teams[0]);
    expect(findByAddress(teams, "t1")).toBe(teams[0]);
    expect(findByAddress(teams, "t2")).toBe(teams[1]);
    expect(findByAddress(teams, "nope")).toBeUndefined();
  });
});
