import { describe, expect, it } from "vitest";
import { countNoun } from "./count-noun";

describe("countNoun", () => {
  it("uses the singular for one and the plural otherwise", () => {
    expect(countNoun(1, "slot")).toBe("1 slot");
    expect(countNoun(0, "slot")).toBe("0 slots");
    expect(countNoun(1200, "person", "people")).toBe("1,200 people");
  });
});
