import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { NO_TERMS, type TRemitMap } from "./model";
import {
  packOverview,
  selectOverviewRows,
  summarizeOverview,
  unpackOverview,
  worstTeams,
  type TOverviewRow,
} from "./overview";
import { generateMap } from "./generate-map";

const map: TRemitMap = {
  people: [
    { id: "p1", key: "dana", name: "Dana Demo", email: null, capacity: 1 },
    { id: "p2", key: "max", name: "Max Miller", email: null, capacity: 1 },
  ],
  teams: [{ id: "t1", key: "checkout", name: "Checkout", description: null, group: null }],
  slots: [
    {
      id: "po",
      key: "po",
      teamId: "t1",
      role: "PO",
      title: null,
      holderId: "p1",
      ...NO_TERMS,
      allocation: 0.5,
      order: 0,
    },
    {
      id: "pm",
      key: "pm",
      teamId: "t1",
      role: "PM",
      title: null,
      holderId: "p2",
      ...NO_TERMS,
      allocation: 0.5,
      order: 1,
    },
    {
      id: "lead",
      key: "lead",
      teamId: "t1",
      role: "Tech lead",
      title: null,
      holderId: null,
      ...NO_TERMS,
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

describe("summarizeOverview", () => {
  it("gives each duty its state and the accountable people's initials, in catalogue order", () => {
    const overview = summarizeOverview(map, analyzeMap(map));
    expect(overview.duties.map((duty) => duty.key)).toEqual(["vision", "roadmap", "delivery", "research", "extra"]);
    expect(overview.rows[0]!.cells.map(({ state, owners }) => [state, owners])).toEqual([
      ["owned", ["DD"]],
      ["shared", ["DD", "MM"]],
      ["vacant_owner", ["?"]],
      ["unowned", []],
      ["optional_unowned", []],
    ]);
  });

  it("carries the team's score, its flag counts and kinds, and the organisation's totals", () => {
    const analysis = analyzeMap(map);
    const overview = summarizeOverview(map, analysis);
    const [row] = overview.rows;
    expect(row!.team).toEqual({ id: "t1", key: "checkout", name: "Checkout" });
    expect(row!.score).toBe(analysis.teams[0]!.score);
    expect(row!.errors).toBe(analysis.teams[0]!.counts.bySeverity.error);
    expect(row!.warnings).toBe(analysis.teams[0]!.counts.bySeverity.warning);
    expect(row!.kinds).toEqual(expect.arrayContaining(["shared_ownership", "unowned_duty", "vacant_slot"]));
    expect(new Set(row!.kinds).size).toBe(row!.kinds.length);
    expect(overview.score).toBe(analysis.score);
    expect(overview.counts).toEqual(analysis.counts.bySeverity);
  });

  it("survives a JSON round trip unchanged, so the server can send it", () => {
    const overview = summarizeOverview(map, analyzeMap(map));
    expect(JSON.parse(JSON.stringify(overview))).toEqual(overview);
  });

  it("gives an organisation without teams no score and no rows", () => {
    const empty: TRemitMap = { ...map, teams: [], slots: [], assignments: [] };
    expect(summarizeOverview(empty, analyzeMap(empty))).toMatchObject({ score: null, rows: [] });
  });
});

function row(name: string, score: number, kinds: TOverviewRow["kinds"] = []): TOverviewRow {
  return {
    team: { id: `id-${name}`, key: name.toLowerCase(), name },
    score,
    errors: 0,
    warnings: 0,
    infos: 0,
    kinds,
    cells: [],
  };
}

describe("selectOverviewRows", () => {
  const rows = [row("Search", 70, ["vacant_slot"]), row("checkout", 40, ["unowned_duty"]), row("Billing", 100)];
  const names = (selected: TOverviewRow[]) => selected.map((selected) => selected.team.name);

  it("sorts by health, worst first, then by name", () => {
    expect(names(selectOverviewRows(rows, { name: "", kind: "", sort: "health" }))).toEqual([
      "checkout",
      "Search",
      "Billing",
    ]);
    const tied = [row("B", 50), row("A", 50)];
    expect(names(selectOverviewRows(tied, { name: "", kind: "", sort: "health" }))).toEqual(["A", "B"]);
  });

  it("sorts by name", () => {
    expect(names(selectOverviewRows(rows, { name: "", kind: "", sort: "name" }))).toEqual([
      "Billing",
      "checkout",
      "Search",
    ]);
  });

  it("filters by a part of the name, ignoring case and surrounding spaces", () => {
    expect(names(selectOverviewRows(rows, { name: "  CH ", kind: "", sort: "name" }))).toEqual(["checkout", "Search"]);
  });

  it("filters by flag kind, combined with the name", () => {
    expect(names(selectOverviewRows(rows, { name: "", kind: "vacant_slot", sort: "name" }))).toEqual(["Search"]);
    expect(names(selectOverviewRows(rows, { name: "check", kind: "vacant_slot", sort: "name" }))).toEqual([]);
  });

  it("leaves the rows it was given in their order", () => {
    selectOverviewRows(rows, { name: "", kind: "", sort: "name" });
    expect(names(rows)).toEqual(["Search", "checkout", "Billing"]);
  });
});

describe("worstTeams", () => {
  it("lists the lowest scores first, leaving out teams with nothing flagged", () => {
    const rows = [row("A", 100), row("B", 90), row("C", 20), row("D", 55), row("E", 80)];
    expect(worstTeams(rows, 3).map((selected) => selected.team.name)).toEqual(["C", "D", "E"]);
    expect(worstTeams([row("A", 100)], 3)).toEqual([]);
  });
});

describe("packOverview", () => {
  it("packs each cell into a short string and unpacks to exactly the overview", () => {
    const overview = summarizeOverview(map, analyzeMap(map));
    const packed = packOverview(overview);
    expect(packed.rows.split("|").slice(8)).toEqual(["oDD", "sDD MM", "v?", "u", "-"]);
    expect(unpackOverview(packed)).toEqual(overview);
  });

  it("keeps any text in names and keys, the separators included", () => {
    const names = ["Pipe | team", "Back\\slash\\", "Two\nlines", "|", "\\|\\n", ""];
    const overview = summarizeOverview(map, analyzeMap(map));
    const row = overview.rows[0]!;
    const odd = {
      ...overview,
      rows: names.map((name, index) => ({
        ...row,
        team: { id: `t${index}|`, key: `k\\${index}`, name },
        cells: [{ state: "owned" as const, owners: ["|A", "B\\"] }, ...row.cells.slice(1)],
      })),
    };
    const packed = packOverview(odd);
    expect(packed.rows.split("\n")).toHaveLength(names.length);
    expect(unpackOverview(JSON.parse(JSON.stringify(packed)))).toEqual(odd);
  });

  it("round-trips a generated organisation, at well under the size of the objects", () => {
    const generated = generateMap({ teams: 50, seed: 5 });
    const overview = summarizeOverview(generated, analyzeMap(generated));
    const packed = packOverview(overview);
    expect(unpackOverview(JSON.parse(JSON.stringify(packed)))).toEqual(overview);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(overview).length * 0.4);
  });
});
