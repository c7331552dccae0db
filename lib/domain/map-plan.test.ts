import { describe, expect, it } from "vitest";
import type { TMapDocument } from "./map-format";
import { planMap, type TScheduledDraft } from "./map-plan";

type TTeam = TMapDocument["teams"][number];

const team = (key: string, name: string): TTeam => ({
  key,
  name,
  description: null,
  slots: [{ key: "po", role: "PO", title: null, holder: null, allocation: 1 }],
  assignments: [],
});

const document = (teams: TTeam[]): TMapDocument => ({
  format: "remit.map/v1",
  duties: [{ key: "vision", name: "Vision", description: "", required: true }],
  people: [],
  teams,
});

const renamed = (doc: TMapDocument, key: string, name: string): TMapDocument => ({
  ...doc,
  teams: doc.teams.map((one) => (one.key === key ? { ...one, name } : one)),
});

const day = (n: number) => new Date(Date.UTC(2027, 0, n));

describe("planMap", () => {
  const live = document([team("checkout", "Checkout"), team("search", "Search")]);
  const scheduled = (id: string, at: Date, draft: TMapDocument, base = live): TScheduledDraft => ({
    id,
    name: `Draft ${id}`,
    at,
    base,
    draft,
  });

  it("is live before the first draft is due", () => {
    const plan = planMap(live, [scheduled("a", day(10), renamed(live, "checkout", "Pay"))], day(9));
    expect(plan.document).toBe(live);
    expect(plan.publishes).toEqual([]);
  });

  it("merges the drafts due by the moment, earliest first, each onto what the ones before left", () => {
    const first = scheduled("b", day(2), renamed(live, "checkout", "Payments"));
    // Made from live too; it changes another team, so it merges after the first without a choice.
    const second = scheduled("a", day(3), renamed(live, "search", "Discovery"));
    const later = scheduled("c", day(30), renamed(live, "search", "Never yet"));
    const plan = planMap(live, [later, second, first], day(3));
    expect(plan.document.teams.map((one) => one.name)).toEqual(["Payments", "Discovery"]);
    expect(plan.publishes.map((publish) => [publish.id, publish.conflicts.length])).toEqual([
      ["b", 0],
      ["a", 0],
    ]);
  });

  it("leaves out a draft that will need choices, and says what they are", () => {
    const first = scheduled("a", day(2), renamed(live, "checkout", "Payments"));
    const clashing = scheduled("b", day(3), renamed(live, "checkout", "Checkout EU"));
    const plan = planMap(live, [first, clashing], day(4));
    expect(plan.document.teams[0]!.name).toBe("Payments");
    expect(plan.publishes[1]).toMatchObject({
      id: "b",
      conflicts: [{ id: "team:checkout", live: { name: "Payments" } }],
    });
  });

  it("orders drafts due at the same moment by id", () => {
    const one = scheduled("b", day(2), renamed(live, "checkout", "B"));
    const other = scheduled("a", day(2), renamed(live, "search", "A"));
    expect(planMap(live, [one, other], day(2)).publishes.map((publish) => publish.id)).toEqual(["a", "b"]);
  });
});
