import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { generateMap } from "./generate-map";
import { NO_TERMS, type TRemitMap } from "./model";
import {
  buildStructure,
  groupLayoutGraph,
  healthBand,
  layoutStructure,
  linkWidth,
  personStructure,
  searchStructure,
  teamCardHeight,
  type TLaidOutNode,
  type TLayout,
} from "./structure";
import { packStructure, unpackStructure } from "./structure-pack";
import { flagSummary, LINK_COLOURS, structureSvg } from "./structure-svg";

const person = (key: string, capacity = 1) => ({
  id: key,
  key,
  name: key[0]!.toUpperCase() + key.slice(1),
  email: null,
  capacity,
});
const team = (key: string, group: string | null) => ({ id: key, key, name: key, description: null, group });
const slot = (teamId: string, key: string, role: string, holderId: string | null, allocation = 1, order = 0) => ({
  id: `${teamId}/${key}`,
  key,
  teamId,
  role,
  title: null,
  holderId,
  ...NO_TERMS,
  allocation,
  order,
});

// Ada holds slots in checkout and payments (0.5 and 0.25: within capacity); Bo in checkout, payments and search (1 each:
// overloaded); search has no group.
const MAP: TRemitMap = {
  people: [person("ada"), person("bo"), person("cy"), person("idle")],
  teams: [team("payments", "Commerce"), team("search", null), team("checkout", "Commerce"), team("ads", "Ads")],
  slots: [
    slot("checkout", "po", "PO", "ada", 0.5, 0),
    slot("checkout", "pm", "PM", "bo", 1, 1),
    slot("payments", "po", "PO", "ada", 0.25, 0),
    slot("payments", "pm", "PM", "bo", 1, 1),
    slot("search", "pm", "PM", "bo", 1, 0),
    slot("search", "po", "PO", null, 1, 1),
    slot("ads", "po", "PO", "cy", 1, 0),
  ],
  duties: [],
  assignments: [],
};

describe("buildStructure", () => {
  const structure = buildStructure(MAP, analyzeMap(MAP));

  it("groups teams by their group, named groups by name, then the teams in no group", () => {
    expect(structure.groups).toEqual([
      { name: "Ads", teamIds: ["ads"] },
      { name: "Commerce", teamIds: ["checkout", "payments"] },
      { name: null, teamIds: ["search"] },
    ]);
    expect(structure.teams.map((entry) => entry.id)).toEqual(["ads", "checkout", "payments", "search"]);
  });

  it("gives each team its slots in order with their holders, its score and its flag counts", () => {
    const search = structure.teams.find((entry) => entry.id === "search")!;
    expect(search.slots.map((entry) => [entry.role, entry.holderId])).toEqual([
      ["PM", "bo"],
      ["PO", null],
    ]);
    expect(search.errors + search.warnings + search.infos).toBeGreaterThan(0);
    expect(search.score).toBeLessThan(100);
  });

  it("links each pair of teams that share people, weighted by the allocation they share, red for the overloaded", () => {
    expect(structure.links).toEqual([
      {
        id: "checkout~payments",
        source: "checkout",
        target: "payments",
        personIds: ["ada", "bo"],
        weight: 1.25,
        isOverloaded: true,
      },
      { id: "checkout~search", source: "checkout", target: "search", personIds: ["bo"], weight: 1, isOverloaded: true },
      { id: "payments~search", source: "payments", target: "search", personIds: ["bo"], weight: 1, isOverloaded: true },
    ]);
  });

  it("lists only the people who hold a slot, with their allocation against capacity", () => {
    expect(
      structure.people.map(({ id, allocated, capacity, isOverloaded, teamIds }) => ({
        id,
        allocated,
        capacity,
        isOverloaded,
        teamIds,
      })),
    ).toEqual([
      { id: "ada", allocated: 0.75, capacity: 1, isOverloaded: false, teamIds: ["checkout", "payments"] },
      { id: "bo", allocated: 3, capacity: 1, isOverloaded: true, teamIds: ["checkout", "payments", "search"] },
      { id: "cy", allocated: 1, capacity: 1, isOverloaded: false, teamIds: ["ads"] },
    ]);
  });

  it("cuts out one person's part: their teams and the links between them", () => {
    const ada = personStructure(structure, "ada");
    expect(ada.teams.map((entry) => entry.id)).toEqual(["checkout", "payments"]);
    expect(ada.groups).toEqual([{ name: "Commerce", teamIds: ["checkout", "payments"] }]);
    expect(ada.links.map((link) => link.id)).toEqual(["checkout~payments"]);
    expect(ada.people.map((entry) => entry.id)).toEqual(["ada", "bo"]);
  });

  it("finds teams, then people, by part of their name", () => {
    expect(searchStructure(structure, " PAY").map((hit) => hit.kind)).toEqual(["team"]);
    expect(
      searchStructure(structure, "bo").map((hit) => (hit.kind === "person" ? hit.person.id : hit.team.id)),
    ).toEqual(["bo"]);
    expect(searchStructure(structure, "  ")).toEqual([]);
  });

  it("reads scores in three bands and draws shared time thicker, within bounds", () => {
    expect([healthBand(100), healthBand(85), healthBand(84), healthBand(60), healthBand(59)]).toEqual([
      "good",
      "good",
      "fair",
      "fair",
      "poor",
    ]);
    expect(linkWidth(0.5)).toBeLessThan(linkWidth(1));
    expect(linkWidth(10)).toBe(8);
  });
});

const elk = new ELK();
const layout: TLayout = (graph) => elk.layout(graph);

describe("layoutStructure", () => {
  it("lays out each group's team cards, sized by their slots, then the groups", async () => {
    const structure = buildStructure(MAP, analyzeMap(MAP));
    const graphs: string[][] = [];
    const placement = await layoutStructure(structure, (graph) => {
      graphs.push((graph.children ?? []).map((child) => child.id));
      return layout(graph);
    });
    expect(graphs).toEqual([["card:0"], ["card:0", "card:1"], ["card:0"], ["group:0", "group:1", "group:2"]]);
    const twoSlots = teamCardHeight({ slots: [slot("c", "a", "PO", null), slot("c", "b", "PM", null)] });
    expect(placement.teams.get("checkout")!.height).toBe(twoSlots);
    expect(groupLayoutGraph([twoSlots]).children![0]!.height).toBe(twoSlots);
    expect(teamCardHeight({ slots: [] })).toBe(teamCardHeight({ slots: [slot("c", "a", "PO", null)] }));
  });

  it("keeps each group's layout by its cards' sizes: groups alike are laid out once, across calls", async () => {
    const map = generateMap({ teams: 100, seed: 3 });
    const structure = buildStructure(map, analyzeMap(map));
    const cache = new Map<string, Promise<TLaidOutNode>>();
    let calls = 0;
    const counting: TLayout = (graph) => {
      calls++;
      return layout(graph);
    };
    const first = await layoutStructure(structure, counting, cache);
    expect(calls).toBe(cache.size + 1);
    calls = 0;
    const again = await layoutStructure(structure, counting, cache);
    expect(calls).toBe(1);
    expect(again).toEqual(first);
  });

  it("is laid out by ELK without overlaps, a 1,000-team map within seconds", async () => {
    const map = generateMap({ teams: 1000, seed: 3 });
    const structure = buildStructure(map, analyzeMap(map));
    const started = performance.now();
    const placement = await layoutStructure(structure, layout);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(placement.teams.size).toBe(1000);
    expect(placement.groups).toHaveLength(structure.groups.length);
    // Every card inside its group's box and inside the picture; no two cards of a group overlap.
    structure.groups.forEach((group, index) => {
      const box = placement.groups[index]!;
      const cards = group.teamIds.map((id) => placement.teams.get(id)!);
      for (const card of cards) {
        expect(card.x).toBeGreaterThanOrEqual(box.x);
        expect(card.y).toBeGreaterThanOrEqual(box.y);
        expect(card.x + card.width).toBeLessThanOrEqual(box.x + box.width);
        expect(card.y + card.height).toBeLessThanOrEqual(box.y + box.height);
      }
      for (const [index, a] of cards.entries()) {
        for (const b of cards.slice(index + 1)) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
      expect(box.x + box.width).toBeLessThanOrEqual(placement.width);
    });
    // Near square, so that it fits a screen when zoomed out.
    expect(placement.width / placement.height).toBeGreaterThan(0.5);
    expect(placement.width / placement.height).toBeLessThan(4);
  });
});

describe("structureSvg", () => {
  it("draws every group, team, holder and link from the layout, its text escaped", async () => {
    const map: TRemitMap = {
      ...MAP,
      teams: MAP.teams.map((entry) => (entry.id === "ads" ? { ...entry, name: "Ads & <Promo>" } : entry)),
    };
    const structure = buildStructure(map, analyzeMap(map));
    const placement = await layoutStructure(structure, layout);
    const svg = structureSvg(structure, placement, "Acme: structure");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`width="${placement.width}" height="${placement.height}"`);
    expect(svg).toContain("Ads &amp; &lt;Promo&gt;");
    expect(svg).not.toContain("<Promo>");
    for (const name of ["Commerce", "No group", "checkout", "payments", "search", "Ada", "Bo", "vacant"]) {
      expect(svg).toContain(name);
    }
    expect(svg.match(/<line /g)).toHaveLength(structure.links.length);
    expect(svg).toContain(`stroke="${LINK_COLOURS.overloaded}"`);
    expect(flagSummary({ errors: 1, warnings: 2, infos: 0 })).toBe("1 error · 2 warnings");
    expect(flagSummary({ errors: 0, warnings: 0, infos: 0 })).toBe("No flags");
  });
});

describe("packStructure", () => {
  it("sends the structure and its layout with each name once, and unpacks them as they were", async () => {
    const structure = buildStructure(MAP, analyzeMap(MAP));
    const placement = await layoutStructure(structure, layout);
    const packed = packStructure(structure, placement);
    expect(packed.roles).toEqual(["PO", "PM"]);
    expect(packed.people.keys).toEqual(["ada", "bo", "cy"]);
    const unpacked = unpackStructure(JSON.parse(JSON.stringify(packed)));
    const withoutSlotIds = (value: typeof structure) => ({
      ...value,
      teams: value.teams.map((team) => ({ ...team, slots: team.slots.map(({ id: _, ...rest }) => rest) })),
    });
    expect(withoutSlotIds(unpacked.structure)).toEqual(withoutSlotIds(structure));
    expect(unpacked.placement).toEqual(placement);
  });

  it("is at most a third of the objects' size at 1,000 teams (ids here are short; the database's are 25 characters)", async () => {
    const map = generateMap({ teams: 1000, seed: 3 });
    const structure = buildStructure(map, analyzeMap(map));
    const placement = await layoutStructure(structure, layout);
    const packed = JSON.stringify(packStructure(structure, placement));
    expect(packed.length).toBeLessThan(JSON.stringify(structure).length / 3);
    expect(unpackStructure(JSON.parse(packed)).structure.teams).toHaveLength(1000);
  });
});
