import { describe, expect, it } from "vitest";
import { nulCharacterPaths } from "./map-fields";

describe("nulCharacterPaths", () => {
  it("finds every text with a NUL character, with its path, in document order", () => {
    const value = { a: ["fine", "bad\u0000", { b: "\u0000" }], c: "\u0000", d: 1, e: null };
    expect(nulCharacterPaths(value)).toEqual([["a", 1], ["a", 2, "b"], ["c"]]);
    expect(nulCharacterPaths("\u0000", ["body"])).toEqual([["body"]]);
    expect(nulCharacterPaths({ fine: ["text"] })).toEqual([]);
  });

  it("copes with JSON nested deeper than the call stack", () => {
    const depth = 100_000;
    const value: unknown = JSON.parse(`${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`);
    const [path] = nulCharacterPaths(value);
    expect(path).toHaveLength(depth);
  });
});
