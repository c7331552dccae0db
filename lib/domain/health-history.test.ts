import { describe, expect, it } from "vitest";
import { healthHistory, lastDays } from "./health-history";
import { emptyMapRows, type TJournalRow } from "./journal";

const team: TJournalRow = { id: "t1", organization_id: "o", key: "checkout", name: "Checkout", description: null };
const duty: TJournalRow = {
  id: "d1",
  organization_id: "o",
  key: "vision",
  name: "Vision",
  description: "",
  required: true,
  order: 0,
};
const slot: TJournalRow = {
  id: "s1",
  organization_id: "o",
  team_id: "t1",
  key: "po",
  role: "PO",
  title: null,
  holder_id: null,
  allocation: 1,
  order: 0,
};
const cell: TJournalRow = {
  id: "a1",
  organization_id: "o",
  team_id: "t1",
  duty_id: "d1",
  slot_id: "s1",
  level: "accountable",
  version: 1,
};

describe("lastDays", () => {
  it("gives the UTC days up to today, oldest first", () => {
    expect(lastDays(3, Date.parse("2026-11-28T10:00:00Z"))).toEqual(["2026-11-26", "2026-11-27", "2026-11-28"]);
  });
});

describe("healthHistory", () => {
  // Today: the team has its PO accountable for Vision. On the 27th, the cell was set; on the 26th, the team was
  // created (with its slot); the journal began on the 26th.
  const rows = emptyMapRows();
  rows.team.set("t1", team);
  rows.duty.set("d1", duty);
  rows.slot.set("s1", slot);
  rows.assignment.set("a1", cell);
  const entries = [
    { seq: 1, at: "2026-11-25T09:00:00.000Z", entity: "duty" as const, entityId: "d1", before: null },
    { seq: 2, at: "2026-11-26T09:00:00.000Z", entity: "team" as const, entityId: "t1", before: null },
    { seq: 3, at: "2026-11-26T09:00:00.000Z", entity: "slot" as const, entityId: "s1", before: null },
    { seq: 4, at: "2026-11-27T15:00:00.000Z", entity: "assignment" as const, entityId: "a1", before: null },
  ];

  it("rewinds a day at a time: each day as it was at its end, nothing before the journal began", () => {
    const points = healthHistory({
      rows,
      entries,
      days: ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"],
      since: "2026-11-25T09:00:00.000Z",
    });
    expect(points.map((point) => point.day)).toEqual(["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"]);
    // The 25th: a duty, no teams. The 26th: a team whose PO nobody made accountable, and it has a vacant slot.
    expect(points[0]!.score).toBeNull();
    expect(points[1]!.counts.unowned_duty).toBe(1);
    expect(points[1]!.counts.vacant_slot).toBe(1);
    // The 27th on: the cell is set, so the duty is owned (by a vacant slot, still flagged as vacant).
    expect(points[2]!.counts.unowned_duty).toBe(0);
    expect({ ...points[3], day: "" }).toEqual({ ...points[2], day: "" });
  });

  it("takes finished days it knows, and still rewinds through them", () => {
    const known = new Map([
      [
        "2026-11-27",
        {
          day: "2026-11-27",
          score: 42,
          counts: healthHistory({ rows, entries, days: ["2026-11-28"], since: null })[0]!.counts,
        },
      ],
    ]);
    const points = healthHistory({
      rows,
      entries,
      days: ["2026-11-26", "2026-11-27", "2026-11-28"],
      since: null,
      known,
    });
    expect(points[1]!.score).toBe(42);
    expect(points[0]!.counts.unowned_duty).toBe(1);
  });
});
