import { describe, expect, it } from "vitest";
import { compareDuties, compareSlots, isRaciLevel, isStandardRole, NEW_TEAM_SLOTS, normalizeRole } from "./model";

describe("normalizeRole", () => {
  it("reads any spelling of PO and PM as the standard role", () => {
    expect(normalizeRole("po")).toBe("PO");
    expect(normalizeRole(" Pm ")).toBe("PM");
  });

  it("keeps custom labels as written, tidied", () => {
    expect(normalizeRole("  Tech   lead ")).toBe("Tech lead");
    expect(normalizeRole("Product owner")).toBe("Product owner");
    expect(isStandardRole(normalizeRole("Product owner"))).toBe(false);
  });
});

describe("isRaciLevel", () => {
  it("accepts the four RACI levels only", () => {
    expect(["accountable", "responsible", "consulted", "informed"].every(isRaciLevel)).toBe(true);
    expect(isRaciLevel("Accountable")).toBe(false);
    expect(isRaciLevel("owner")).toBe(false);
    expect(isRaciLevel(1)).toBe(false);
  });
});

describe("NEW_TEAM_SLOTS", () => {
  it("gives a new team one vacant PO slot and one vacant PM slot, full time", () => {
    expect(NEW_TEAM_SLOTS.map((slot) => [slot.key, slot.role, slot.holderId, slot.allocation])).toEqual([
      ["po", "PO", null, 1],
      ["pm", "PM", null, 1],
    ]);
  });
});

describe("ordering", () => {
  it("orders slots and duties by position, then key", () => {
    const items = [
      { order: 2, key: "a" },
      { order: 1, key: "b" },
      { order: 1, key: "a" },
    ];
    expect([...items].sort(compareSlots)).toEqual([
      { order: 1, key: "a" },
      { order: 1, key: "b" },
      { order: 2, key: "a" },
    ]);
    expect([...items].sort(compareDuties)).toEqual([...items].sort(compareSlots));
  });
});
