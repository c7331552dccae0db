import { describe, expect, it } from "vitest";
import { moveToPosition } from "./ordering";

describe("moveToPosition", () => {
  const ids = ["a", "b", "c", "d"];

  it("moves an item up or down and closes the gap", () => {
    expect(moveToPosition(ids, "d", 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveToPosition(ids, "a", 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveToPosition(ids, "b", 1)).toEqual(ids);
  });

  it("clamps positions past either end", () => {
    expect(moveToPosition(ids, "a", 99)).toEqual(["b", "c", "d", "a"]);
    expect(moveToPosition(ids, "c", -3)).toEqual(["c", "a", "b", "d"]);
  });

  it("leaves the list alone for an unknown id, and never changes its input", () => {
    expect(moveToPosition(ids, "x", 0)).toEqual(ids);
    moveToPosition(ids, "a", 3);
    expect(ids).toEqual(["a", "b", "c", "d"]);
  });
});
