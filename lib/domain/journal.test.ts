import { NO_TERMS } from "./model";
import { describe, expect, it } from "vitest";
import {
  emptyMapRows,
  entryOperation,
  isOutOfRangeMoment,
  mapFromRows,
  viewMoment,
  planTeamRestore,
  planUndo,
  rewindRows,
  sameRow,
  type TJournalEntry,
  type TJournalRow,
} from "./journal";
import { addJournalNames, describeEntry, describeGroup, emptyJournalNames } from "./journal-sentences";

const team = (name: string): TJournalRow => ({
  id: "t1",
  organization_id: "o",
  key: "checkout",
  name,
  description: null,
});
const slot = (holder: string | null): TJournalRow => ({
  id: "s1",
  organization_id: "o",
  team_id: "t1",
  key: "pm",
  role: "PM",
  title: null,
  holder_id: holder,
  allocation: 0.5,
  order: 1,
});
const cell = (level: string, version: number): TJournalRow => ({
  id: "a1",
  organization_id: "o",
  team_id: "t1",
  duty_id: "d1",
  slot_id: "s1",
  level,
  version,
});

function entry(
  seq: number,
  entity: TJournalEntry["entity"],
  before: TJournalRow | null,
  after: TJournalRow | null,
): TJournalEntry {
  const row = (after ?? before)!;
  return {
    seq,
    groupId: `g${seq}`,
    at: "2026-11-28T10:00:00.000Z",
    actor: { kind: "user", id: "u1", name: "Ana" },
    action:
      entity === "assignment"
        ? "assignment.set"
        : (`${entity}.${after ? (before ? "update" : "create") : "delete"}` as TJournalEntry["action"]),
    entity,
    entityId: row.id,
    entityKey: row.id,
    teamId: "t1",
    personIds: [],
    refs: [],
    before,
    after,
    undoesGroupId: null,
  };
}

describe("rewindRows", () => {
  it("undoes later entries newest first, whatever order they come in, and leaves the rows given alone", () => {
    const now = emptyMapRows();
    now.team.set("t1", team("Payments"));
    now.assignment.set("a1", cell("informed", 3));
    const later = [
      entry(2, "team", team("Checkout"), team("Payments")),
      entry(1, "assignment", null, cell("accountable", 1)),
      entry(3, "assignment", cell("accountable", 1), cell("informed", 3)),
    ];
    const then = rewindRows(now, later);
    expect(then.team.get("t1")?.name).toBe("Checkout");
    expect(then.assignment.has("a1")).toBe(false);
    expect(rewindRows(now, later.slice(0, 1).concat(later.slice(2))).assignment.get("a1")?.level).toBe("accountable");
    expect(now.team.get("t1")?.name).toBe("Payments");
  });

  it("gives the domain's map from the rows", () => {
    const rows = emptyMapRows();
    rows.team.set("t1", team("Checkout"));
    rows.slot.set("s1", slot("p1"));
    rows.assignment.set("a1", cell("accountable", 2));
    expect(mapFromRows(rows)).toEqual({
      people: [],
      teams: [{ id: "t1", key: "checkout", name: "Checkout", description: null, group: null }],
      slots: [
        {
          id: "s1",
          key: "pm",
          teamId: "t1",
          role: "PM",
          title: null,
          holderId: "p1",
          ...NO_TERMS,
          allocation: 0.5,
          order: 1,
        },
      ],
      duties: [],
      assignments: [{ teamId: "t1", dutyId: "d1", slotId: "s1", level: "accountable", version: 2 }],
    });
  });
});

describe("journal sentences", () => {
  const names = emptyJournalNames();
  names.teams.set("t1", "Checkout");
  names.duties.set("d1", "Roadmap prioritisation");
  names.slots.set("s1", { role: "PM", teamId: "t1" });
  names.people.set("p1", "Pia");

  it("says what happened to a cell, a slot and a team", () => {
    expect(describeEntry(entry(1, "assignment", null, cell("accountable", 1)), names)).toBe(
      "made the PM accountable for “Roadmap prioritisation” in “Checkout”",
    );
    expect(describeEntry(entry(1, "assignment", cell("accountable", 1), null), names)).toBe(
      "removed the PM from “Roadmap prioritisation” in “Checkout”",
    );
    expect(describeEntry(entry(1, "slot", slot(null), slot("p1")), names)).toBe("made “Pia” the PM of “Checkout”");
    expect(describeEntry(entry(1, "slot", slot("p1"), slot(null)), names)).toBe("left the PM of “Checkout” vacant");
    expect(describeEntry(entry(1, "team", team("Checkout"), team("Payments")), names)).toBe(
      "renamed “Checkout” to “Payments”",
    );
    const grouped = (group: string | null) => ({ ...team("Checkout"), group });
    expect(describeEntry(entry(1, "team", grouped(null), grouped("Commerce")), names)).toBe(
      "moved “Checkout” to group “Commerce”",
    );
    expect(describeEntry(entry(1, "team", grouped("Commerce"), grouped(null)), names)).toBe(
      "took “Checkout” out of group “Commerce”",
    );
    expect(entryOperation(entry(1, "team", null, team("Checkout")))).toBe("create");
  });

  it("names what no longer exists from the journal's rows, and summarises big actions", () => {
    const fresh = emptyJournalNames();
    addJournalNames(fresh, [{ entity: "team", row: team("Gone") }]);
    expect(describeEntry(entry(1, "slot", null, slot(null)), fresh)).toBe("added a PM slot to “Gone”");
    const imported = {
      actor: { kind: "token" as const, id: "k", name: 'API token "ci"' },
      action: "map.import" as const,
    };
    expect(describeGroup({ ...imported, entryCount: 120, entries: [] }, names)).toBe(
      'API token "ci" imported a map: 120 changes',
    );
  });
});

describe("planning an undo", () => {
  it("puts each row back as before the group's first change, from what its last change left", () => {
    const created = { ...entry(1, "slot", null, slot(null)), groupId: "g", refs: ["t1"] };
    const filled = { ...entry(2, "slot", slot(null), slot("p1")), groupId: "g", refs: ["t1", "p1"] };
    const renamed = { ...entry(3, "team", team("Checkout"), team("Payments")), groupId: "g", refs: [] };
    const plan = planUndo([created, filled, renamed]);
    expect(plan.changes).toEqual([
      { key: "s1", entity: "slot", current: null, target: null, expected: slot("p1") },
      { key: "t1", entity: "team", current: null, target: team("Checkout"), expected: team("Payments") },
    ]);
    // The slot goes: later changes pointing at it stand in the way; so does a later deletion of what the slot
    // and the team come back pointing at.
    expect(plan.removedIds).toEqual(["s1"]);
    expect(plan.parentIds).toEqual(["t1", "p1"]);
    expect(plan.lastSeq).toBe(3);
  });
});

describe("planning a team's restore", () => {
  it("brings back the team's rows as they were, and the people it needs that are gone, and nothing else", () => {
    const then = emptyMapRows();
    then.team.set("t1", team("Checkout"));
    then.slot.set("s1", slot("p1"));
    then.person.set("p1", { id: "p1", organization_id: "o", key: "pia", name: "Pia", email: null, capacity: 1 });
    const now = emptyMapRows();
    now.team.set("t1", team("Payments"));
    now.assignment.set("a1", cell("accountable", 2));
    const plan = planTeamRestore(now, then, "t1");
    expect(plan.map((change) => [change.entity, change.current?.id ?? null, change.target?.id ?? null])).toEqual([
      ["team", "t1", "t1"],
      ["slot", null, "s1"],
      ["assignment", "a1", null],
      ["person", null, "p1"],
    ]);
    expect(planTeamRestore(then, then, "t1")).toEqual([]);
    expect(sameRow({ id: "x", organization_id: "o", a: 1 }, { a: 1, organization_id: "o", id: "x" })).toBe(true);
  });
});

describe("a page's ?at=", () => {
  it("is a past or future moment from 1970 to 9999, and otherwise now", () => {
    expect(viewMoment("2026-11-28T14:30:00Z")?.toISOString()).toBe("2026-11-28T14:30:00.000Z");
    expect(viewMoment("2027-01-01T00:00:00Z")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    for (const value of [
      undefined,
      ["2026-11-28T14:30:00Z"],
      "soon",
      "0000-01-01T00:00:00Z",
      "+010000-01-01T00:00:00Z",
    ]) {
      expect(viewMoment(value)).toBeUndefined();
    }
  });

  it("is refused when it reads as a date outside 1970-9999 (an unreadable one means now)", () => {
    for (const value of ["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+010000-01-01T00:00:00Z"]) {
      expect(isOutOfRangeMoment(value)).toBe(true);
    }
    for (const value of [null, "soon", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      expect(isOutOfRangeMoment(value)).toBe(false);
    }
  });
});
