import { describe, expect, it } from "vitest";
import { validateMapDocument } from "@/lib/validation/map";
import { diffMapDocuments, movedIds } from "./map-diff";
import type { TMapDocument, TMapDocumentInput } from "./map-format";

function document(input: Omit<TMapDocumentInput, "format">): TMapDocument {
  const result = validateMapDocument({ format: "remit.map/v1", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

const base = document({
  duties: [
    { key: "vision", name: "Vision" },
    { key: "roadmap", name: "Roadmap" },
    { key: "delivery", name: "Delivery", required: false },
  ],
  people: [
    { key: "dana", name: "Dana Demo", email: "dana@example.com" },
    { key: "max", name: "Max Miller", capacity: 0.8 },
  ],
  teams: [
    {
      key: "checkout",
      name: "Checkout",
      slots: [
        { key: "po", role: "PO", holder: "dana" },
        { key: "pm", role: "PM", holder: "max", allocation: 0.5 },
      ],
      assignments: [
        { duty: "vision", slot: "po", level: "accountable" },
        { duty: "roadmap", slot: "pm", level: "accountable" },
      ],
    },
    {
      key: "search",
      name: "Search",
      slots: [{ key: "po", role: "PO", holder: null }],
      assignments: [{ duty: "vision", slot: "po", level: "accountable" }],
    },
  ],
});

/** `base` with changes made to a deep copy. */
function edited(change: (copy: TMapDocument) => void): TMapDocument {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

describe("diffMapDocuments", () => {
  it("finds nothing between a document and itself", () => {
    const diff = diffMapDocuments(base, structuredClone(base));
    expect(diff.total).toBe(0);
    for (const kind of ["teams", "people", "duties", "slots", "assignments"] as const) {
      expect(diff[kind]).toEqual({ added: [], removed: [], changed: [] });
    }
  });

  it("lists what is added and removed, with names", () => {
    const next = edited((copy) => {
      copy.people.push({ key: "ola", name: "Ola Nordmann", capacity: 1 });
      copy.duties = copy.duties.filter((duty) => duty.key !== "delivery");
      copy.teams.push({ key: "growth", name: "Growth", slots: [], assignments: [] });
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.people.added).toEqual([{ id: "ola", label: "Ola Nordmann" }]);
    expect(diff.duties.removed).toEqual([{ id: "delivery", label: "Delivery" }]);
    expect(diff.teams.added).toEqual([{ id: "growth", label: "Growth" }]);
    expect(diff.total).toBe(3);
  });

  it("describes changed fields in words", () => {
    const next = edited((copy) => {
      copy.people[0]!.name = "Dana Dee";
      copy.people[0]!.email = null;
      copy.people[1]!.capacity = 1;
      copy.duties[2]!.required = true;
      copy.duties[0]!.description = "Where we are going";
      copy.teams[0]!.description = "Paying for things";
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.people.changed).toEqual([
      {
        id: "dana",
        label: "Dana Dee",
        changes: [
          { field: "name", from: "Dana Demo", to: "Dana Dee" },
          { field: "email", from: "dana@example.com", to: "none" },
        ],
      },
      { id: "max", label: "Max Miller", changes: [{ field: "capacity", from: "0.8", to: "1" }] },
    ]);
    expect(diff.duties.changed).toEqual([
      { id: "vision", label: "Vision", changes: [{ field: "description", from: "none", to: "Where we are going" }] },
      { id: "delivery", label: "Delivery", changes: [{ field: "required", from: "optional", to: "required" }] },
    ]);
    expect(diff.teams.changed).toEqual([
      { id: "checkout", label: "Checkout", changes: [{ field: "description", from: "none", to: "Paying for things" }] },
    ]);
  });

  it("reports slot holders by name and compares them by key", () => {
    const next = edited((copy) => {
      copy.teams[1]!.slots[0]!.holder = "max";
      copy.teams[0]!.slots[1]!.allocation = 1;
      copy.teams[0]!.slots[1]!.title = "Payments";
      copy.people[0]!.name = "Dana Dee";
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.slots.changed).toEqual([
      {
        id: "checkout/pm",
        label: "Checkout · PM · Payments",
        changes: [
          { field: "title", from: "none", to: "Payments" },
          { field: "allocation", from: "0.5", to: "1" },
        ],
      },
      { id: "search/po", label: "Search · PO", changes: [{ field: "holder", from: "vacant", to: "Max Miller" }] },
    ]);
  });

  it("reports a slot's term and its next holder in words", () => {
    const next = edited((copy) => {
      copy.teams[0]!.slots[1]!.holderUntil = "2027-03-01T09:00:00.000Z";
      copy.teams[0]!.slots[1]!.nextHolder = "max";
      copy.teams[0]!.slots[1]!.nextHolderFrom = "2027-03-01T09:00:00.000Z";
    });
    expect(diffMapDocuments(base, next).slots.changed).toEqual([
      {
        id: "checkout/pm",
        label: "Checkout · PM",
        changes: [
          { field: "term ends", from: "none", to: "1 Mar 2027, 09:00 UTC" },
          { field: "next holder", from: "none", to: "Max Miller from 1 Mar 2027, 09:00 UTC" },
        ],
      },
    ]);
  });

  it("matches assignments by team, duty and slot and shows their level", () => {
    const next = edited((copy) => {
      copy.teams[0]!.assignments = [
        { duty: "vision", slot: "po", level: "responsible" },
        { duty: "delivery", slot: "pm", level: "consulted" },
      ];
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.assignments).toEqual({
      added: [{ id: "checkout/delivery/pm", label: "Checkout · Delivery · PM", detail: "consulted" }],
      removed: [{ id: "checkout/roadmap/pm", label: "Checkout · Roadmap · PM", detail: "accountable" }],
      changed: [
        {
          id: "checkout/vision/po",
          label: "Checkout · Vision · PO",
          changes: [{ field: "level", from: "accountable", to: "responsible" }],
        },
      ],
    });
  });

  it("lists a removed team's slots and assignments as removed too", () => {
    const next = edited((copy) => {
      copy.teams = copy.teams.filter((team) => team.key !== "search");
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.teams.removed).toEqual([{ id: "search", label: "Search" }]);
    expect(diff.slots.removed).toEqual([{ id: "search/po", label: "Search · PO" }]);
    expect(diff.assignments.removed).toEqual([
      { id: "search/vision/po", label: "Search · Vision · PO", detail: "accountable" },
    ]);
    expect(diff.total).toBe(3);
  });

  it("reads a changed key as one removed and one added", () => {
    const next = edited((copy) => {
      copy.people[1]!.key = "max-m";
      copy.teams[0]!.slots[1]!.holder = "max-m";
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.people.removed.map((entry) => entry.id)).toEqual(["max"]);
    expect(diff.people.added.map((entry) => entry.id)).toEqual(["max-m"]);
    expect(diff.slots.changed[0]?.changes).toEqual([{ field: "holder", from: "Max Miller", to: "Max Miller" }]);
  });

  it("reports only the duty that moved, with its old and new position", () => {
    const next = edited((copy) => {
      copy.duties = [copy.duties[1]!, copy.duties[2]!, copy.duties[0]!];
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.duties.changed).toEqual([
      { id: "vision", label: "Vision", changes: [{ field: "position", from: "1", to: "3" }] },
    ]);
  });

  it("does not call duties moved when another is inserted before them", () => {
    const next = edited((copy) => {
      copy.duties.unshift({ key: "strategy", name: "Strategy", description: "", required: true });
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.duties.changed).toEqual([]);
    expect(diff.duties.added).toEqual([{ id: "strategy", label: "Strategy" }]);
  });

  it("reports reordered slots within their team", () => {
    const next = edited((copy) => {
      copy.teams[0]!.slots.reverse();
    });
    const diff = diffMapDocuments(base, next);
    expect(diff.slots.changed).toHaveLength(1);
    expect(diff.slots.changed[0]?.changes[0]?.field).toBe("position");
  });
});

describe("movedIds", () => {
  it("is empty when the order is the same", () => {
    expect(movedIds(["a", "b", "c"], ["a", "b", "c"])).toEqual(new Set());
  });

  it("finds the fewest ids that explain a new order", () => {
    expect(movedIds(["a", "b", "c", "d"], ["d", "a", "b", "c"])).toEqual(new Set(["d"]));
    expect(movedIds(["a", "b", "c", "d"], ["b", "a", "c", "d"]).size).toBe(1);
    expect(movedIds(["a", "b", "c", "d"], ["d", "c", "b", "a"]).size).toBe(3);
  });
});
