import { describe, expect, it } from "vitest";
import { CHECKOUT_MAP } from "./checkout-map.fixture";
import { cellKey, cellVersion, initials, teamView, withCell } from "./team-view";

const map = CHECKOUT_MAP;

describe("teamView", () => {
  it("orders PO, PM, then custom slots, and duties by catalogue order", () => {
    const view = teamView(map, "t1")!;
    expect(view.slots.map((slot) => slot.id)).toEqual(["s-po", "s-pm", "s-lead"]);
    expect(view.duties.map((duty) => duty.key)).toEqual(["vision", "roadmap"]);
  });

  it("holds only the team's own cells", () => {
    const view = teamView(map, "t1")!;
    expect([...view.cells.keys()]).toEqual([cellKey("d1", "s-po")]);
  });

  it("is null for an unknown team", () => {
    expect(teamView(map, "nope")).toBeNull();
  });
});

describe("withCell", () => {
  it("sets an empty cell at version 1 and bumps an existing one", () => {
    const set = withCell(map, { teamId: "t1", dutyId: "d2", slotId: "s-pm", level: "responsible" });
    expect(cellVersion(set, "d2", "s-pm")).toBe(1);
    const changed = withCell(map, { teamId: "t1", dutyId: "d1", slotId: "s-po", level: "consulted" });
    expect(changed.assignments.find((a) => a.slotId === "s-po")).toMatchObject({ level: "consulted", version: 4 });
    expect(changed.assignments).toHaveLength(2);
  });

  it("clears a cell and leaves the map it came from untouched", () => {
    const cleared = withCell(map, { teamId: "t1", dutyId: "d1", slotId: "s-po", level: null });
    expect(cellVersion(cleared, "d1", "s-po")).toBe(0);
    expect(cellVersion(map, "d1", "s-po")).toBe(3);
  });
});

describe("initials", () => {
  it.each([
    ["Dana Demo", "DD"],
    ["  ada   byron lovelace ", "AL"],
    ["Cher", "CH"],
    ["", "?"],
  ])("%j -> %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe("withCell with a known version", () => {
  it("takes the version another browser reported", () => {
    const updated = withCell(map, { teamId: "t1", dutyId: "d1", slotId: "s-po", level: "informed" }, 9);
    expect(cellVersion(updated, "d1", "s-po")).toBe(9);
  });
});
