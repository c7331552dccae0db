import { describe, expect, it } from "vitest";
import { createDefaultDuties } from "./duty-catalogue";
import { NO_TERMS, type TAssignment, type TDuty, type TSlot } from "./model";
import { planPoPmSplit, splitOwnerOf, type TAssignmentCell } from "./po-pm-split";

const duties = createDefaultDuties((key) => `duty:${key}`);

function slot(key: string, role: string, order: number, teamId = "team:checkout"): TSlot {
  return { id: `slot:${key}`, key, teamId, role, title: null, holderId: null, ...NO_TERMS, allocation: 1, order };
}

const po = slot("po", "PO", 0);
const pm = slot("pm", "PM", 1);

/** The plan as (duty key, slot key, level) triples, easy to read in a failing test. */
function readable(cells: readonly TAssignmentCell[]): string[] {
  return cells.map((cell) => `${cell.dutyId.replace("duty:", "")} ${cell.slotId.replace("slot:", "")} ${cell.level}`);
}

function applyCells(assignments: readonly TAssignment[], cells: readonly TAssignmentCell[]): TAssignment[] {
  return [...assignments, ...cells.map((cell) => ({ ...cell, version: 1 }))];
}

function assignment(dutyKey: string, slotKey: string, level: TAssignment["level"]): TAssignment {
  return { teamId: "team:checkout", dutyId: `duty:${dutyKey}`, slotId: `slot:${slotKey}`, level, version: 3 };
}

describe("planPoPmSplit", () => {
  it("gives a fresh team the whole split, in catalogue order with the PO first", () => {
    const plan = planPoPmSplit({ teamId: "team:checkout", slots: [pm, po], duties, assignments: [] });
    expect(readable(plan.cells)).toEqual([
      "vision po accountable",
      "strategy po accountable",
      "feature-decisions po accountable",
      "roadmap po accountable",
      "stakeholders po accountable",
      "stakeholders pm responsible",
      "customer-needs po accountable",
      "customer-needs pm responsible",
      "delivery po accountable",
      "delivery pm responsible",
      "day-to-day pm accountable",
      "market-research po consulted",
      "market-research pm accountable",
      "data-analysis po consulted",
      "data-analysis pm accountable",
    ]);
    expect(plan.cells.every((cell) => cell.teamId === "team:checkout")).toBe(true);
    expect(plan.missingRoles).toEqual([]);
    expect(plan.missingDutyKeys).toEqual([]);
  });

  it("fills only empty cells and never changes a level already set", () => {
    const existing = [
      assignment("vision", "po", "responsible"),
      assignment("stakeholders", "pm", "informed"),
      assignment("day-to-day", "pm", "consulted"),
    ];
    const cells = readable(
      planPoPmSplit({ teamId: "team:checkout", slots: [po, pm], duties, assignments: existing }).cells,
    );
    expect(cells).not.toContain("vision po accountable");
    expect(cells).not.toContain("stakeholders pm responsible");
    expect(cells).not.toContain("day-to-day pm accountable");
    expect(cells).toContain("stakeholders po accountable");
    expect(cells).toHaveLength(12);
  });

  it("still fills the PO's cell when another slot is accountable for the duty", () => {
    const lead = slot("tech-lead", "Tech lead", 2);
    const plan = planPoPmSplit({
      teamId: "team:checkout",
      slots: [po, pm, lead],
      duties,
      assignments: [assignment("roadmap", "tech-lead", "accountable")],
    });
    expect(readable(plan.cells)).toContain("roadmap po accountable");
  });

  it("is idempotent: once applied, planning again gives nothing", () => {
    const input = {
      teamId: "team:checkout",
      slots: [po, pm],
      duties,
      assignments: [assignment("vision", "pm", "consulted")],
    };
    const first = planPoPmSplit(input);
    const applied = applyCells(input.assignments, first.cells);
    expect(planPoPmSplit({ ...input, assignments: applied }).cells).toEqual([]);
  });

  it("uses the first PO and PM slots by slot order, not by list order", () => {
    const secondPo = slot("po-2", "PO", 5);
    const firstPo = slot("po-1", "PO", 0);
    const plan = planPoPmSplit({ teamId: "team:checkout", slots: [secondPo, pm, firstPo], duties, assignments: [] });
    const slotIds = new Set(plan.cells.map((cell) => cell.slotId));
    expect(slotIds).toEqual(new Set(["slot:po-1", "slot:pm"]));
  });

  it("applies only the PM half when the team has no PO slot, and says so", () => {
    const plan = planPoPmSplit({ teamId: "team:checkout", slots: [pm], duties, assignments: [] });
    expect(plan.missingRoles).toEqual(["PO"]);
    expect(plan.cells.every((cell) => cell.slotId === "slot:pm")).toBe(true);
    expect(plan.cells).toHaveLength(6);
  });

  it("applies only the PO half when the team has no PM slot", () => {
    const plan = planPoPmSplit({ teamId: "team:checkout", slots: [po], duties, assignments: [] });
    expect(plan.missingRoles).toEqual(["PM"]);
    expect(plan.cells).toHaveLength(9);
  });

  it("does nothing for a team with neither, or with custom roles only", () => {
    const plan = planPoPmSplit({
      teamId: "team:checkout",
      slots: [slot("lead", "Tech lead", 0), slot("owner", "Product owner", 1)],
      duties,
      assignments: [],
    });
    expect(plan).toEqual({ cells: [], missingRoles: ["PO", "PM"], missingDutyKeys: [] });
  });

  it("skips duty keys the catalogue lacks and leaves custom duties alone", () => {
    const catalogue: TDuty[] = [
      { id: "duty:day-to-day", key: "day-to-day", name: "Day-to-day", description: "", required: true, order: 0 },
      { id: "duty:pricing", key: "pricing", name: "Pricing", description: "", required: true, order: 1 },
      { id: "duty:vision", key: "vision", name: "Vision", description: "", required: true, order: 2 },
    ];
    const plan = planPoPmSplit({ teamId: "team:checkout", slots: [po, pm], duties: catalogue, assignments: [] });
    expect(readable(plan.cells)).toEqual(["day-to-day pm accountable", "vision po accountable"]);
    expect(plan.missingDutyKeys).toEqual([
      "strategy",
      "feature-decisions",
      "roadmap",
      "stakeholders",
      "customer-needs",
      "delivery",
      "market-research",
      "data-analysis",
    ]);
  });

  it("ignores slots and assignments of other teams", () => {
    const otherPo = slot("search-po", "PO", 0, "team:search");
    const plan = planPoPmSplit({
      teamId: "team:checkout",
      slots: [otherPo, po, pm],
      duties,
      assignments: [{ ...assignment("vision", "search-po", "accountable"), teamId: "team:search" }],
    });
    expect(plan.cells).toHaveLength(15);
    expect(plan.cells.some((cell) => cell.slotId === "slot:search-po")).toBe(false);
  });
});

describe("splitOwnerOf", () => {
  it("names the role the split makes accountable", () => {
    expect(splitOwnerOf("roadmap")).toBe("PO");
    expect(splitOwnerOf("data-analysis")).toBe("PM");
    expect(splitOwnerOf("pricing")).toBeNull();
  });
});
