import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import type { TRemitMap } from "./model";
import { overviewRows } from "./overview";

const map: TRemitMap = {
  people: [
    { id: "p1", key: "dana", name: "Dana Demo", email: null, capacity: 1 },
    { id: "p2", key: "max", name: "Max Miller", email: null, capacity: 1 },
  ],
  teams: [{ id: "t1", key: "checkout", name: "Checkout", description: null }],
  slots: [
    { id: "po", key: "po", teamId: "t1", role: "PO", title: null, holderId: "p1", allocation: 0.5, order: 0 },
    { id: "pm", key: "pm", teamId: "t1", role: "PM", title: null, holderId: "p2", allocation: 0.5, order: 1 },
    {
      id: "lead",
      key: "lead",
      teamId: "t1",
      role: "Tech lead",
      title: null,
      holderId: null,
      allocation: 0.5,
      order: 2,
    },
  ],
  duties: [
    { id: "d1", key: "vision", name: "Vision", description: "", required: true, order: 0 },
    { id: "d2", key: "roadmap", name: "Roadmap", description: "", required: true, order: 1 },
    { id: "d3", key: "delivery", name: "Delivery", description: "", required: true, order: 2 },
    { id: "d4", key: "research", name: "Research", description: "", required: true, order: 3 },
    { id: "d5", key: "extra", name: "Extra", description: "", required: false, order: 4 },
  ],
  assignments: [
    { teamId: "t1", dutyId: "d1", slotId: "po", level: "accountable", version: 1 },
    { teamId: "t1", dutyId: "d2", slotId: "po", level: "accountable", version: 1 },
    { teamId: "t1", dutyId: "d2", slotId: "pm", level: "accountable", version: 1 },
    { teamId: "t1", dutyId: "d3", slotId: "lead", level: "accountable", version: 1 },
    { teamId: "t1", dutyId: "d4", slotId: "pm", level: "responsible", version: 1 },
  ],
};

describe("overviewRows", () => {
  it("gives each duty its state and the accountable people's initials", () => {
    const [row] = overviewRows(map, analyzeMap(map));
    expect(row!.cells.map(({ duty, state, owners }) => [duty.key, state, owners])).toEqual([
      ["vision", "owned", ["DD"]],
      ["roadmap", "shared", ["DD", "MM"]],
      ["delivery", "vacant_owner", ["?"]],
      ["research", "unowned", []],
      ["extra", "optional_unowned", []],
    ]);
  });

  it("carries the team's score and flag counts", () => {
    const analysis = analyzeMap(map);
    const [row] = overviewRows(map, analysis);
    expect(row!.score).toBe(analysis.teams[0]!.score);
    expect(row!.errors).toBe(analysis.teams[0]!.counts.bySeverity.error);
    expect(row!.kinds.has("shared_ownership")).toBe(true);
    expect(row!.kinds.has("unowned_duty")).toBe(true);
  });
});
