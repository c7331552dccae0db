import { describe, expect, it } from "vitest";
import type { TMapDocument } from "./map-format";
import { planMap, planSteps, type TPlannedPublish, type TPlannedStep, type TScheduledDraft } from "./map-plan";

const publishes = (plan: { steps: TPlannedStep[] }) =>
  plan.steps.filter((step): step is TPlannedPublish => step.kind === "publish");

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
    expect(plan.steps).toEqual([]);
  });

  it("merges the drafts due by the moment, earliest first, each onto what the ones before left", () => {
    const first = scheduled("b", day(2), renamed(live, "checkout", "Payments"));
    // Made from live too; it changes another team, so it merges after the first without a choice.
    const second = scheduled("a", day(3), renamed(live, "search", "Discovery"));
    const later = scheduled("c", day(30), renamed(live, "search", "Never yet"));
    const plan = planMap(live, [later, second, first], day(3));
    expect(plan.document.teams.map((one) => one.name)).toEqual(["Payments", "Discovery"]);
    expect(publishes(plan).map((publish) => [publish.id, publish.conflicts.length])).toEqual([
      ["b", 0],
      ["a", 0],
    ]);
  });

  it("leaves out a draft that will need choices, and says what they are", () => {
    const first = scheduled("a", day(2), renamed(live, "checkout", "Payments"));
    const clashing = scheduled("b", day(3), renamed(live, "checkout", "Checkout EU"));
    const plan = planMap(live, [first, clashing], day(4));
    expect(plan.document.teams[0]!.name).toBe("Payments");
    expect(publishes(plan)[1]).toMatchObject({
      id: "b",
      conflicts: [{ id: "team:checkout", live: { name: "Payments" } }],
    });
  });

  it("orders drafts due at the same moment by id", () => {
    const one = scheduled("b", day(2), renamed(live, "checkout", "B"));
    const other = scheduled("a", day(2), renamed(live, "search", "A"));
    expect(publishes(planMap(live, [one, other], day(2))).map((publish) => publish.id)).toEqual(["a", "b"]);
  });

  describe("with terms", () => {
    const people = [
      { key: "ana", name: "Ana Ruiz", capacity: 1 },
      { key: "sam", name: "Sam Ode", capacity: 1 },
    ];
    const withSlot = (slot: Partial<TTeam["slots"][number]>): TMapDocument => ({
      ...document([
        { ...team("checkout", "Checkout"), slots: [{ key: "po", role: "PO", holder: "ana", allocation: 1, ...slot }] },
      ]),
      people,
    });
    const slotOf = (doc: TMapDocument) => doc.teams[0]!.slots[0]!;

    it("leaves a slot vacant once its holder's term has ended, not before", () => {
      const live = withSlot({ holderUntil: day(5).toISOString() });
      expect(planMap(live, [], day(4)).steps).toEqual([]);
      const plan = planMap(live, [], day(5));
      expect(slotOf(plan.document)).toEqual({ key: "po", role: "PO", holder: null, allocation: 1 });
      expect(planSteps(plan.steps)).toEqual([
        {
          kind: "term",
          at: day(5).toISOString(),
          sentence: "Ana Ruiz's term as PO of “Checkout” ends: the slot is vacant.",
        },
      ]);
    });

    it("hands the slot to the next holder at their start, after a vacancy in between", () => {
      const live = withSlot({
        holderUntil: day(5).toISOString(),
        nextHolder: "sam",
        nextHolderFrom: day(8).toISOString(),
      });
      expect(slotOf(planMap(live, [], day(6)).document)).toMatchObject({ holder: null, nextHolder: "sam" });
      const plan = planMap(live, [], day(9));
      expect(slotOf(plan.document)).toEqual({ key: "po", role: "PO", holder: "sam", allocation: 1 });
      expect(planSteps(plan.steps).map((step) => step.kind === "term" && step.sentence)).toEqual([
        "Ana Ruiz's term as PO of “Checkout” ends: the slot is vacant.",
        "Sam Ode takes over as PO of “Checkout”.",
      ]);
    });

    it("applies a term before a draft due at the same moment, and a draft's own terms after it publishes", () => {
      const live: TMapDocument = {
        ...withSlot({ holderUntil: day(5).toISOString() }),
        teams: [...withSlot({ holderUntil: day(5).toISOString() }).teams, team("search", "Search")],
      };
      // Made from live: it plans Sam for Search's PO from day 7, a slot live does not change, so it merges.
      const draft: TMapDocument = {
        ...live,
        teams: [
          live.teams[0]!,
          {
            ...live.teams[1]!,
            slots: [{ ...live.teams[1]!.slots[0]!, nextHolder: "sam", nextHolderFrom: day(7).toISOString() }],
          },
        ],
      };
      const plan = planMap(live, [scheduled("a", day(5), draft, live)], day(7));
      expect(plan.steps.map((step) => step.kind)).toEqual(["term", "publish", "term"]);
      expect(plan.document.teams.map((one) => one.slots[0]!.holder)).toEqual([null, "sam"]);
    });
  });
});
