import { describe, expect, it } from "vitest";
import { validateMapDocument } from "@/lib/validation/map";
import { analyzeMap, type TFlag, type TFlagKind } from "./analyze-map";
import { generateMap } from "./generate-map";
import { documentToMap } from "./map-document";
import type { TMapDocumentInput } from "./map-format";
import type { TRemitMap } from "./model";

/** A map from a compact document; ids spell out what they are ("slot:checkout/po"). */
function mapOf(input: Omit<TMapDocumentInput, "format">): TRemitMap {
  const result = validateMapDocument({ format: "remit.map/v1", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return documentToMap(result.document, (kind, { key, teamKey }) => `${kind}:${teamKey ? `${teamKey}/` : ""}${key}`);
}

const VISION = { key: "vision", name: "Product vision" };
const ROADMAP = { key: "roadmap", name: "Roadmap prioritisation" };
const DATA = { key: "data-analysis", name: "Data analysis" };
const PRICING = { key: "pricing", name: "Pricing decisions", required: false };

const ADA = { key: "ada", name: "Ada Lovelace" };
const GRACE = { key: "grace", name: "Grace Hopper" };
const ALAN = { key: "alan", name: "Alan Turing" };

const PO_AND_PM = [
  { key: "po", role: "PO", holder: "ada" },
  { key: "pm", role: "PM", holder: "grace" },
];

function ofKind(flags: readonly TFlag[], kind: TFlagKind): TFlag[] {
  return flags.filter((flag) => flag.kind === kind);
}

describe("analyzeMap on a healthy map", () => {
  it("flags nothing and scores 100", () => {
    const analysis = analyzeMap(
      mapOf({
        duties: [VISION, DATA, PRICING],
        people: [ADA, GRACE],
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: PO_AND_PM,
            assignments: [
              { duty: "vision", slot: "po", level: "accountable" },
              { duty: "data-analysis", slot: "pm", level: "accountable" },
              { duty: "data-analysis", slot: "po", level: "consulted" },
            ],
          },
        ],
      }),
    );
    expect(analysis.flags).toEqual([]);
    expect(analysis.score).toBe(100);
    expect(analysis.counts.total).toBe(0);
    expect(analysis.teams).toEqual([
      {
        team: { id: "team:checkout", key: "checkout" },
        score: 100,
        counts: {
          total: 0,
          bySeverity: { error: 0, warning: 0, info: 0 },
          byKind: {
            unowned_duty: 0,
            shared_ownership: 0,
            vacant_slot: 0,
            dual_role: 0,
            overloaded_person: 0,
            idle_slot: 0,
          },
        },
        flags: [],
      },
    ]);
  });

  it("gives an organisation with no teams no score and no flags", () => {
    const analysis = analyzeMap(mapOf({ duties: [VISION], people: [ADA] }));
    expect(analysis.score).toBeNull();
    expect(analysis.teams).toEqual([]);
    expect(analysis.counts.total).toBe(0);
  });
});

describe("unowned_duty", () => {
  const map = mapOf({
    duties: [VISION, ROADMAP, DATA, { key: "pricing", name: "Pricing decisions" }],
    people: [ADA, GRACE],
    teams: [
      {
        key: "checkout",
        name: "Checkout",
        slots: PO_AND_PM,
        assignments: [
          { duty: "vision", slot: "po", level: "accountable" },
          // Responsible is not accountable: the roadmap still has no owner.
          { duty: "roadmap", slot: "po", level: "responsible" },
          { duty: "pricing", slot: "pm", level: "consulted" },
        ],
      },
    ],
  });
  const flags = ofKind(analyzeMap(map).flags, "unowned_duty");

  it("is an error for each required duty with no accountable slot, in catalogue order", () => {
    expect(flags.map((flag) => flag.kind === "unowned_duty" && flag.duty.key)).toEqual([
      "roadmap",
      "data-analysis",
      "pricing",
    ]);
    expect(flags[0]).toEqual({
      id: "unowned_duty:team:checkout:duty:roadmap",
      kind: "unowned_duty",
      severity: "error",
      team: { id: "team:checkout", key: "checkout" },
      duty: { id: "duty:roadmap", key: "roadmap" },
      message:
        "Nobody is accountable for Roadmap prioritisation in Checkout. Make one slot accountable, usually the PO.",
    });
  });

  it("suggests the PM for the PM's duties and no role for custom duties", () => {
    expect(flags[1]!.message).toBe(
      "Nobody is accountable for Data analysis in Checkout. Make one slot accountable, usually the PM.",
    );
    expect(flags[2]!.message).toBe(
      "Nobody is accountable for Pricing decisions in Checkout. Make one slot accountable.",
    );
  });

  it("is never raised for a duty that is not required", () => {
    const analysis = analyzeMap(
      mapOf({
        duties: [PRICING],
        people: [ADA],
        teams: [{ key: "checkout", name: "Checkout", slots: [{ key: "po", role: "PO", holder: "ada" }] }],
      }),
    );
    expect(ofKind(analysis.flags, "unowned_duty")).toEqual([]);
  });

  it("covers every required duty of an empty team, which has nothing else to flag", () => {
    const analysis = analyzeMap(
      mapOf({ duties: [VISION, ROADMAP, PRICING], teams: [{ key: "empty", name: "Empty" }] }),
    );
    expect(analysis.flags.map((flag) => flag.kind)).toEqual(["unowned_duty", "unowned_duty"]);
    expect(analysis.teams[0]!.score).toBe(70);
  });

  it("counts per team: a slot accountable in one team does not own the duty in another", () => {
    const analysis = analyzeMap(
      mapOf({
        duties: [VISION],
        people: [ADA],
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: [{ key: "po", role: "PO", holder: "ada", allocation: 0.5 }],
            assignments: [{ duty: "vision", slot: "po", level: "accountable" }],
          },
          { key: "search", name: "Search", slots: [{ key: "po", role: "PO", holder: "ada", allocation: 0.5 }] },
        ],
      }),
    );
    const unowned = ofKind(analysis.flags, "unowned_duty");
    expect(unowned.map((flag) => flag.kind === "unowned_duty" && flag.team.key)).toEqual(["search"]);
  });
});

describe("shared_ownership", () => {
  const map = mapOf({
    duties: [VISION, PRICING],
    people: [ADA, GRACE, ALAN],
    teams: [
      {
        key: "checkout",
        name: "Checkout",
        slots: [...PO_AND_PM, { key: "lead", role: "Tech lead", holder: "alan" }],
        assignments: [
          { duty: "vision", slot: "lead", level: "accountable" },
          { duty: "vision", slot: "po", level: "accountable" },
          { duty: "vision", slot: "pm", level: "accountable" },
          { duty: "pricing", slot: "po", level: "accountable" },
          { duty: "pricing", slot: "pm", level: "accountable" },
        ],
      },
    ],
  });
  const analysis = analyzeMap(map);
  const flags = ofKind(analysis.flags, "shared_ownership");

  it("is one error per duty, listing every accountable slot in slot order", () => {
    expect(flags[0]).toEqual({
      id: "shared_ownership:team:checkout:duty:vision",
      kind: "shared_ownership",
      severity: "error",
      team: { id: "team:checkout", key: "checkout" },
      duty: { id: "duty:vision", key: "vision" },
      slots: [
        { id: "slot:checkout/po", key: "po" },
        { id: "slot:checkout/pm", key: "pm" },
        { id: "slot:checkout/lead", key: "lead" },
      ],
      message:
        "3 slots are accountable for Product vision in Checkout: PO, PM and Tech lead. " +
        "Keep one accountable and make the others responsible or consulted.",
    });
  });

  it("applies to duties that are not required too", () => {
    expect(flags.map((flag) => flag.kind === "shared_ownership" && flag.duty.key)).toEqual(["vision", "pricing"]);
  });

  it("is not an unowned duty as well", () => {
    expect(ofKind(analysis.flags, "unowned_duty")).toEqual([]);
  });

  it("does not count one slot twice when its row is duplicated", () => {
    const duplicated: TRemitMap = { ...map, assignments: [...map.assignments, map.assignments[3]!] };
    const pricing = ofKind(analyzeMap(duplicated).flags, "shared_ownership")[1];
    expect(pricing?.kind === "shared_ownership" && pricing.slots).toHaveLength(2);
  });

  it("is not raised when two teams each have their own owner", () => {
    const twoTeams = mapOf({
      duties: [VISION],
      people: [ADA, GRACE],
      teams: ["checkout", "search"].map((key, index) => ({
        key,
        name: key,
        slots: [{ key: "po", role: "PO", holder: index === 0 ? "ada" : "grace" }],
        assignments: [{ duty: "vision", slot: "po", level: "accountable" as const }],
      })),
    });
    expect(analyzeMap(twoTeams).flags).toEqual([]);
  });
});

describe("vacant_slot and idle_slot", () => {
  const map = mapOf({
    duties: [VISION, ROADMAP, DATA, PRICING],
    people: [ADA, GRACE],
    teams: [
      {
        key: "checkout",
        name: "Checkout",
        slots: [
          { key: "po", role: "PO", holder: null },
          { key: "pm", role: "PM", holder: "grace" },
          { key: "designer", role: "Designer", holder: null },
          { key: "lead", role: "Tech lead", title: "Staff engineer", holder: null },
          { key: "analyst", role: "Data analyst", holder: "ada" },
          { key: "observer", role: "Observer", holder: "ada", allocation: 0 + 0.1 },
        ],
        assignments: [
          { duty: "roadmap", slot: "po", level: "accountable" },
          { duty: "vision", slot: "po", level: "accountable" },
          { duty: "pricing", slot: "po", level: "accountable" },
          { duty: "data-analysis", slot: "pm", level: "accountable" },
          { duty: "vision", slot: "lead", level: "responsible" },
          { duty: "vision", slot: "observer", level: "informed" },
        ],
      },
    ],
  });
  const analysis = analyzeMap(map);

  it("is an error for a vacant slot that is accountable for something, naming the duties in catalogue order", () => {
    expect(ofKind(analysis.flags, "vacant_slot")[0]).toEqual({
      id: "vacant_slot:team:checkout:slot:checkout/po",
      kind: "vacant_slot",
      severity: "error",
      team: { id: "team:checkout", key: "checkout" },
      slot: { id: "slot:checkout/po", key: "po" },
      duties: [
        { id: "duty:vision", key: "vision" },
        { id: "duty:roadmap", key: "roadmap" },
        { id: "duty:pricing", key: "pricing" },
      ],
      message:
        "The PO slot in Checkout is vacant but accountable for Product vision, Roadmap prioritisation and " +
        "Pricing decisions. Assign someone to it, or make a filled slot accountable instead.",
    });
  });

  it("is a warning for a vacant slot with no accountability, whether or not it has other duties", () => {
    const warnings = ofKind(analysis.flags, "vacant_slot").slice(1);
    expect(warnings.map((flag) => [flag.kind === "vacant_slot" && flag.slot.key, flag.severity])).toEqual([
      ["designer", "warning"],
      ["lead", "warning"],
    ]);
    expect(warnings[0]!.message).toBe(
      "The Designer slot in Checkout is vacant. Assign someone to it, or remove the slot if the team does not need it.",
    );
    // A slot's title names it when it has one.
    expect(warnings[1]!.message).toMatch(/^The Staff engineer slot in Checkout is vacant\./);
  });

  it("is info for a filled slot with no assignment at any level, and never for a vacant one", () => {
    expect(ofKind(analysis.flags, "idle_slot")).toEqual([
      {
        id: "idle_slot:team:checkout:slot:checkout/analyst",
        kind: "idle_slot",
        severity: "info",
        team: { id: "team:checkout", key: "checkout" },
        slot: { id: "slot:checkout/analyst", key: "analyst" },
        person: { id: "person:ada", key: "ada" },
        message:
          "The Data analyst slot in Checkout, held by Ada Lovelace, has no duties at any level. " +
          "Give it duties, or remove the slot if it is not needed.",
      },
    ]);
  });

  it("treats a slot whose holder is not in the map as vacant", () => {
    const broken: TRemitMap = {
      ...map,
      slots: map.slots.map((slot) => (slot.key === "analyst" ? { ...slot, holderId: "person:gone" } : slot)),
    };
    const analyst = analyzeMap(broken).flags.filter((flag) => "slot" in flag && flag.slot.key === "analyst");
    expect(analyst.map((flag) => [flag.kind, flag.severity])).toEqual([["vacant_slot", "warning"]]);
  });

  it("tells slots with the same label apart by key", () => {
    const analysisOfTwins = analyzeMap(
      mapOf({
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: [
              { key: "engineer", role: "Engineer" },
              { key: "engineer-2", role: "Engineer" },
            ],
          },
        ],
      }),
    );
    expect(analysisOfTwins.flags.map((flag) => flag.message.split(" is vacant")[0])).toEqual([
      "The Engineer (engineer) slot in Checkout",
      "The Engineer (engineer-2) slot in Checkout",
    ]);
  });
});

describe("dual_role", () => {
  it("warns when one person holds both a PO and a PM slot in the same team", () => {
    const analysis = analyzeMap(
      mapOf({
        duties: [VISION],
        people: [ADA],
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: [
              { key: "pm", role: "PM", holder: "ada", allocation: 0.5 },
              { key: "po", role: "po", holder: "ada", allocation: 0.5 },
            ],
            assignments: [
              { duty: "vision", slot: "po", level: "accountable" },
              { duty: "vision", slot: "pm", level: "consulted" },
            ],
          },
        ],
      }),
    );
    expect(analysis.flags).toEqual([
      {
        id: "dual_role:team:checkout:person:ada",
        kind: "dual_role",
        severity: "warning",
        team: { id: "team:checkout", key: "checkout" },
        person: { id: "person:ada", key: "ada" },
        slots: [
          { id: "slot:checkout/pm", key: "pm" },
          { id: "slot:checkout/po", key: "po" },
        ],
        message:
          "Ada Lovelace holds both a PO slot and a PM slot in Checkout. " +
          "The two roles need different skills; give one of them to someone else if you can.",
      },
    ]);
  });

  it("is not raised for a PO in one team who is PM in another, nor for custom roles", () => {
    const analysis = analyzeMap(
      mapOf({
        people: [ADA, GRACE],
        teams: [
          {
            key: "checkout",
            name: "Checkout",
            slots: [
              { key: "po", role: "PO", holder: "ada", allocation: 0.5 },
              { key: "owner", role: "Product owner", holder: "grace", allocation: 0.5 },
              { key: "manager", role: "Product manager", holder: "grace", allocation: 0.5 },
            ],
          },
          { key: "search", name: "Search", slots: [{ key: "pm", role: "PM", holder: "ada", allocation: 0.5 }] },
        ],
      }),
    );
    expect(ofKind(analysis.flags, "dual_role")).toEqual([]);
  });
});

describe("overloaded_person", () => {
  function withAllocations(allocations: number[], capacity = 1) {
    return mapOf({
      people: [{ ...ADA, capacity }],
      teams: allocations.map((allocation, index) => ({
        key: `team-${index}`,
        name: `Team ${index}`,
        slots: [{ key: "lead", role: "Tech lead", holder: "ada", allocation }],
      })),
    });
  }
  const overloads = (map: TRemitMap) => ofKind(analyzeMap(map).flags, "overloaded_person");

  it("warns once, naming the person and every team and slot they hold", () => {
    const map = mapOf({
      people: [ADA, GRACE],
      teams: [
        {
          key: "search",
          name: "Search",
          slots: [
            { key: "po", role: "PO", holder: "ada", allocation: 0.5 },
            { key: "pm", role: "PM", holder: "grace", allocation: 0.5 },
            { key: "analyst", role: "Data analyst", holder: "ada", allocation: 0.25 },
          ],
        },
        { key: "checkout", name: "Checkout", slots: [{ key: "po", role: "PO", holder: "ada", allocation: 0.5 }] },
      ],
    });
    const analysis = analyzeMap(map);
    expect(ofKind(analysis.flags, "overloaded_person")).toEqual([
      {
        id: "overloaded_person:person:ada",
        kind: "overloaded_person",
        severity: "warning",
        person: { id: "person:ada", key: "ada" },
        teams: [
          { id: "team:checkout", key: "checkout" },
          { id: "team:search", key: "search" },
        ],
        holdings: [
          {
            team: { id: "team:checkout", key: "checkout" },
            slot: { id: "slot:checkout/po", key: "po" },
            allocation: 0.5,
          },
          { team: { id: "team:search", key: "search" }, slot: { id: "slot:search/po", key: "po" }, allocation: 0.5 },
          {
            team: { id: "team:search", key: "search" },
            slot: { id: "slot:search/analyst", key: "analyst" },
            allocation: 0.25,
          },
        ],
        allocated: 1.25,
        capacity: 1,
        message:
          "Ada Lovelace is allocated 1.25 full-time equivalents across Checkout and Search, more than their " +
          "capacity of 1. Lower an allocation, raise their capacity, or give a slot to someone else.",
      },
    ]);
    expect(analysis.counts.byKind.overloaded_person).toBe(1);
    expect(analysis.teams.map((team) => team.counts.byKind.overloaded_person)).toEqual([1, 1]);
    // Both teams pay for the overload (5 points); their slots have no duties, so each idle slot costs 1 more.
    expect(analysis.teams.map((team) => [team.team.key, team.score])).toEqual([
      ["search", 100 - 5 - 3],
      ["checkout", 100 - 5 - 1],
    ]);
  });

  it("says 'in' when all of the person's slots are in one team", () => {
    const single = mapOf({
      people: [{ ...ADA, capacity: 0.5 }],
      teams: [{ key: "checkout", name: "Checkout", slots: [{ key: "po", role: "PO", holder: "ada" }] }],
    });
    expect(overloads(single)[0]!.message).toMatch(
      /allocated 1 full-time equivalent in Checkout, more than their capacity of 0\.5\./,
    );
  });

  it("is fine when allocations add up to exactly the capacity", () => {
    expect(overloads(withAllocations([0.5, 0.5]))).toEqual([]);
    expect(overloads(withAllocations([1]))).toEqual([]);
  });

  it("is fine when a floating-point sum only looks bigger than the capacity", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    expect(overloads(withAllocations([0.1, 0.2], 0.3))).toEqual([]);
    expect(overloads(withAllocations([0.1, 0.2, 0.7]))).toEqual([]);
    expect(overloads(withAllocations(Array.from({ length: 10 }, () => 0.1)))).toEqual([]);
  });

  it("flags the smallest real excess, and rounds the total it reports", () => {
    const [flag] = overloads(withAllocations([0.1, 0.2, 0.71]));
    expect(flag?.kind === "overloaded_person" && flag.allocated).toBe(1.01);
  });

  it("flags any allocation for someone with no capacity", () => {
    expect(overloads(withAllocations([0.1], 0))).toHaveLength(1);
  });

  it("does not count vacant slots or people who hold nothing", () => {
    const map = mapOf({
      people: [ADA, GRACE],
      teams: [
        {
          key: "checkout",
          name: "Checkout",
          slots: [
            { key: "po", role: "PO", holder: "ada" },
            { key: "pm", role: "PM", holder: null },
          ],
        },
      ],
    });
    expect(overloads(map)).toEqual([]);
  });

  it("leaves a person on several teams alone while they are within capacity", () => {
    expect(overloads(withAllocations([0.25, 0.25, 0.25, 0.25]))).toEqual([]);
  });
});

describe("counts and scores", () => {
  const map = mapOf({
    duties: [VISION, ROADMAP],
    people: [ADA, GRACE],
    teams: [
      {
        key: "checkout",
        name: "Checkout",
        slots: [
          { key: "po", role: "PO", holder: "ada", allocation: 0.5 },
          { key: "pm", role: "PM", holder: "ada", allocation: 0.5 },
          { key: "designer", role: "Designer", holder: null },
        ],
        assignments: [{ duty: "vision", slot: "po", level: "accountable" }],
      },
      {
        key: "search",
        name: "Search",
        slots: [{ key: "po", role: "PO", holder: "ada", allocation: 0.5 }],
        assignments: [
          { duty: "vision", slot: "po", level: "accountable" },
          { duty: "roadmap", slot: "po", level: "accountable" },
        ],
      },
      {
        key: "growth",
        name: "Growth",
        slots: [{ key: "pm", role: "PM", holder: "grace" }],
        assignments: [
          { duty: "vision", slot: "pm", level: "accountable" },
          { duty: "roadmap", slot: "pm", level: "accountable" },
        ],
      },
    ],
  });
  const analysis = analyzeMap(map);
  const [checkout, search, growth] = analysis.teams;

  it("counts each team's flags by kind and severity, including overloads of its people", () => {
    expect(checkout!.counts).toEqual({
      total: 5,
      bySeverity: { error: 1, warning: 3, info: 1 },
      byKind: {
        unowned_duty: 1,
        shared_ownership: 0,
        vacant_slot: 1,
        dual_role: 1,
        overloaded_person: 1,
        idle_slot: 1,
      },
    });
    expect(search!.counts.total).toBe(1);
    expect(search!.flags.map((flag) => flag.kind)).toEqual(["overloaded_person"]);
    expect(growth!.counts.total).toBe(0);
  });

  it("counts each flag once for the organisation", () => {
    expect(analysis.counts.total).toBe(5);
    expect(analysis.counts.bySeverity).toEqual({ error: 1, warning: 3, info: 1 });
    // Team by team (duties, then slots in order, then dual roles), then overloaded people.
    expect(analysis.flags.map((flag) => flag.kind)).toEqual([
      "unowned_duty",
      "idle_slot",
      "vacant_slot",
      "dual_role",
      "overloaded_person",
    ]);
  });

  it("scores each team and the organisation", () => {
    // Checkout: 100 - 15 (error) - 3 x 5 (warnings) - 1 (info) = 69; Search: 100 - 5 = 95; Growth: 100.
    expect(analysis.teams.map((team) => team.score)).toEqual([69, 95, 100]);
    expect(analysis.score).toBe(88);
  });
});

describe("robustness", () => {
  it("ignores rows that point at unknown slots, duties or teams", () => {
    const map = mapOf({
      duties: [VISION],
      people: [ADA],
      teams: [
        {
          key: "checkout",
          name: "Checkout",
          slots: [{ key: "po", role: "PO", holder: "ada" }],
          assignments: [{ duty: "vision", slot: "po", level: "accountable" }],
        },
      ],
    });
    const noisy: TRemitMap = {
      ...map,
      slots: [...map.slots, { ...map.slots[0]!, id: "slot:orphan", teamId: "team:gone" }],
      assignments: [
        ...map.assignments,
        { teamId: "team:checkout", dutyId: "duty:gone", slotId: "slot:checkout/po", level: "accountable", version: 1 },
        { teamId: "team:checkout", dutyId: "duty:vision", slotId: "slot:gone", level: "accountable", version: 1 },
        { teamId: "team:checkout", dutyId: "duty:vision", slotId: "slot:orphan", level: "accountable", version: 1 },
      ],
    };
    expect(analyzeMap(noisy).flags).toEqual([]);
  });

  it("gives the same flags whatever order the rows come in", () => {
    const map = generateMap({ teams: 20, seed: 7 });
    const reversed: TRemitMap = {
      people: [...map.people].reverse(),
      teams: [...map.teams].reverse(),
      slots: [...map.slots].reverse(),
      duties: [...map.duties].reverse(),
      assignments: [...map.assignments].reverse(),
    };
    const byId = (flags: readonly TFlag[]) => [...flags].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(analyzeMap(reversed).flags)).toEqual(byId(analyzeMap(map).flags));
  });

  it("gives every flag of a large map a distinct id and finds every kind of problem", () => {
    const analysis = analyzeMap(generateMap({ teams: 200, seed: 3 }));
    const ids = analysis.flags.map((flag) => flag.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of [
      "unowned_duty",
      "shared_ownership",
      "vacant_slot",
      "dual_role",
      "overloaded_person",
      "idle_slot",
    ] as const) {
      expect(analysis.counts.byKind[kind], kind).toBeGreaterThan(0);
    }
    expect(analysis.teams).toHaveLength(200);
    for (const team of analysis.teams) {
      expect(team.score).toBeGreaterThanOrEqual(0);
      expect(team.score).toBeLessThanOrEqual(100);
    }
  });
});
