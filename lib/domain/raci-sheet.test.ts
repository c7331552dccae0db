import { describe, expect, it } from "vitest";
import { analyzeMap } from "./analyze-map";
import { CHECKOUT_MAP } from "./checkout-map.fixture";
import {
  applyRaciPlan,
  columnLetter,
  findHeader,
  isApplicable,
  nameSimilarity,
  normalizeName,
  parseLevel,
  planRaciImport,
  RACI_SHEET_LIMITS,
  RaciSheetError,
  type TSheetGrid,
} from "./raci-sheet";

const sheet = (rows: string[][], name = "RACI"): TSheetGrid => ({ name, rows });

// Checkout: Tech lead (s-lead), PM (s-pm), PO (s-po, held by Dana); duties Vision (d1) and Roadmap (d2).
const TITLED: string[][] = [
  ["Checkout responsibilities", "", "", ""],
  ["Legend: R = Responsible, A = Accountable", "C = Consulted", "I = Informed", ""],
  ["", "", "", ""],
  ["Duty", "Product Owner", "PM", "Designer"],
  ["Vision", "A/R", "C", ""],
  ["Road map!", "R", "a", "i"],
  ["Hiring", "", "R", "A"],
];

describe("parseLevel", () => {
  it.each([
    ["R", "responsible", false],
    [" a ", "accountable", false],
    ["Consulted", "consulted", false],
    ["informed", "informed", false],
    ["I.", "informed", false],
    ["A/R", "accountable", true],
    ["r, a", "accountable", true],
    ["AR", "accountable", true],
    ["C+I", "consulted", true],
    ["R and C", "responsible", true],
  ])("reads %j as %s", (text, level, combined) => {
    expect(parseLevel(text)).toEqual({ level, combined });
  });

  it.each(["", "   ", "-"])("reads %j as no level", (text) => {
    expect(parseLevel(text)).toEqual({ level: null, combined: false });
  });

  it.each(["x", "yes", "=SUM(A1)", "Accountable person", "R/X"])("refuses %j", (text) => {
    expect(parseLevel(text)).toBeNull();
  });
});

describe("names", () => {
  it("ignores case, accents and punctuation", () => {
    expect(normalizeName("  Road-map! ")).toBe("road map");
    expect(normalizeName("Café  Ops")).toBe("cafe ops");
  });

  it("rates a misspelling and a reordering as close, and strangers as far", () => {
    expect(nameSimilarity("prodct vision", "product vision")).toBeGreaterThan(0.9);
    expect(nameSimilarity("vision of the product", "product vision")).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity("hiring", "roadmap")).toBeLessThan(0.5);
  });

  it("letters columns as a spreadsheet does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("findHeader", () => {
  it("finds the header below a title and a legend, not the legend", () => {
    expect(findHeader(TITLED)).toEqual({ index: 3, dutyColumn: 0, roleColumns: [1, 2, 3] });
  });

  it("leaves out a notes column of free text, and a duty column that is not the first", () => {
    const rows = [
      ["", "Duty", "PO", "Notes"],
      ["1", "Vision", "A", "agreed in May"],
    ];
    expect(findHeader(rows)).toEqual({ index: 0, dutyColumn: 1, roleColumns: [2] });
  });

  it("finds none without levels", () => {
    expect(
      findHeader([
        ["Duty", "PO"],
        ["Vision", "yes"],
      ]),
    ).toBeNull();
  });
});

describe("planRaciImport", () => {
  it("matches columns to slots and rows to duties, and lists every cell that changes", () => {
    const plan = planRaciImport(CHECKOUT_MAP, "t1", [sheet(TITLED)]);
    expect(plan.headerRow).toBe(4);
    expect(plan.dutyColumn).toBe("A");
    expect(plan.columns.map((column) => [column.letter, column.choice])).toEqual([
      ["B", { slotId: "s-po" }],
      ["C", { slotId: "s-pm" }],
      ["D", "new"],
    ]);
    expect(plan.columns[2]!.newRole).toBe("Designer");
    expect(plan.rows.map((row) => [row.row, row.exactDutyId, row.choice])).toEqual([
      [5, "d1", { dutyId: "d1" }],
      [6, "d2", { dutyId: "d2" }],
      [7, null, "new"],
    ]);
    expect(plan.newSlots).toEqual([{ column: "D", role: "Designer" }]);
    expect(plan.newDuties).toEqual([{ row: 7, name: "Hiring" }]);
    // Vision/PO was already accountable: "A/R" keeps it, and says so.
    expect(plan.changes).toEqual([
      { row: 5, column: "C", dutyId: "d1", slotId: "s-pm", before: null, after: "consulted" },
      { row: 6, column: "B", dutyId: "d2", slotId: "s-po", before: null, after: "responsible" },
      { row: 6, column: "C", dutyId: "d2", slotId: "s-pm", before: null, after: "accountable" },
      { row: 6, column: "D", dutyId: "d2", slotId: "new:D", before: null, after: "informed" },
      { row: 7, column: "C", dutyId: "new:7", slotId: "s-pm", before: null, after: "responsible" },
      { row: 7, column: "D", dutyId: "new:7", slotId: "new:D", before: null, after: "accountable" },
    ]);
    expect(plan.problems).toEqual([
      {
        severity: "warning",
        row: 5,
        column: "B",
        message: 'Cell B5: "A/R" names more than one level; a cell holds one, so the stronger (A) is kept.',
      },
    ]);
    expect(isApplicable(plan)).toBe(true);
  });

  it("proposes the closest duty for a misspelt row, and follows the user's choices", () => {
    const rows = [
      ["Duty", "PO", "PM", "Tech lead"],
      ["Visoin", "R", "", "A"],
      ["Roadmap", "", "", ""],
    ];
    const plan = planRaciImport(CHECKOUT_MAP, "t1", [sheet(rows)]);
    const misspelt = plan.rows[0]!;
    expect(misspelt.exactDutyId).toBeNull();
    expect(misspelt.proposals[0]?.dutyId).toBe("d1");
    expect(misspelt.choice).toEqual({ dutyId: "d1" });
    // "Tech lead" is a custom role the team has.
    expect(plan.columns[2]!.choice).toEqual({ slotId: "s-lead" });
    // A blank row of a matched duty clears nothing that is not there; the PO's A on Vision becomes R.
    expect(plan.changes).toContainEqual({
      row: 2,
      column: "B",
      dutyId: "d1",
      slotId: "s-po",
      before: "accountable",
      after: "responsible",
    });

    const chosen = planRaciImport(CHECKOUT_MAP, "t1", [sheet(rows)], {
      rows: { "2": "new" },
      columns: { D: "skip" },
    });
    expect(chosen.newDuties).toEqual([{ row: 2, name: "Visoin" }]);
    expect(chosen.changes).toEqual([
      { row: 2, column: "B", dutyId: "new:2", slotId: "s-po", before: null, after: "responsible" },
    ]);
  });

  it("clears a level the sheet leaves blank in a row and column it reads", () => {
    const plan = planRaciImport(CHECKOUT_MAP, "t1", [
      sheet([
        ["Duty", "PO", "PM"],
        ["Vision", "", "R"],
      ]),
    ]);
    expect(plan.changes).toContainEqual({
      row: 2,
      column: "B",
      dutyId: "d1",
      slotId: "s-po",
      before: "accountable",
      after: null,
    });
  });

  it("reports every cell that is not a level, and two rows or columns matched to one duty or slot", () => {
    const rows = [
      ["Duty", "PO", "PM"],
      ["Vision", "x", "R"],
      ["Roadmap", "R", "maybe"],
    ];
    const plan = planRaciImport(CHECKOUT_MAP, "t1", [sheet(rows)], {
      rows: { "3": { dutyId: "d1" } },
      columns: { C: { slotId: "s-po" } },
    });
    expect(plan.problems.map((problem) => [problem.row, problem.column, problem.severity])).toEqual([
      [undefined, "C", "error"],
      [3, undefined, "error"],
      [2, "B", "error"],
      [3, "C", "error"],
    ]);
    expect(plan.problems[2]!.message).toBe(
      'Cell B2 holds "x", which is not a level: write R, A, C or I, or leave it blank.',
    );
    expect(isApplicable(plan)).toBe(false);
  });

  it("refuses a choice that names a slot or duty the map does not have", () => {
    const plan = planRaciImport(
      CHECKOUT_MAP,
      "t1",
      [
        sheet([
          ["Duty", "PO"],
          ["Vision", "A"],
        ]),
      ],
      {
        columns: { B: { slotId: "s-other" } },
        rows: { "2": { dutyId: "gone" } },
      },
    );
    expect(plan.problems.map((problem) => problem.message)).toEqual([
      'Column B ("PO") is matched to a slot the team does not have (any more); choose again.',
      'Row 2 ("Vision") is matched to a duty that no longer exists; choose again.',
    ]);
  });

  it("skips a row with no duty and no level, and a legend below the table", () => {
    const rows = [
      ["Duty", "PO"],
      ["Vision", "A"],
      ["Notes: agreed in May", ""],
      ["R", "Responsible"],
    ];
    const plan = planRaciImport(CHECKOUT_MAP, "t1", [sheet(rows)]);
    expect(plan.rows.map((row) => [row.name, row.choice])).toEqual([
      ["Vision", { dutyId: "d1" }],
      ["Notes: agreed in May", "skip"],
    ]);
  });

  it("reads the sheet chosen, or else the first with a header", () => {
    const cover = sheet([["Our RACI"], ["see the next sheet"]], "Cover");
    const raci = sheet(
      [
        ["Duty", "PO"],
        ["Vision", "R"],
      ],
      "Checkout",
    );
    expect(planRaciImport(CHECKOUT_MAP, "t1", [cover, raci]).sheet).toBe("Checkout");
    expect(planRaciImport(CHECKOUT_MAP, "t1", [cover, raci]).sheets).toEqual(["Cover", "Checkout"]);
    expect(() => planRaciImport(CHECKOUT_MAP, "t1", [cover, raci], { sheet: "Cover" })).toThrow(/No header found/);
    expect(() => planRaciImport(CHECKOUT_MAP, "t1", [cover, raci], { sheet: "Nope" })).toThrow(
      'The file has no sheet "Nope"; its sheets are "Cover", "Checkout".',
    );
  });

  it.each([
    ["no sheets", [], "The file has no sheets."],
    ["an empty sheet", [sheet([["", " "], []])], 'The sheet "RACI" is empty.'],
    [
      "no header",
      [
        sheet([
          ["a", "b"],
          ["c", "d"],
        ]),
      ],
      /No header found on "RACI"/,
    ],
    [
      "duplicate columns",
      [
        sheet([
          ["Duty", "PO", "po"],
          ["Vision", "A", "R"],
        ]),
      ],
      /Columns B and C of "RACI" are both headed "po"/,
    ],
    [
      "a header with no duties below",
      [
        sheet([
          ["Duty", "PO"],
          ["", "R"],
        ]),
      ],
      /No header found/,
    ],
    [
      "10,000 rows",
      [sheet([["Duty", "PO"], ...Array.from({ length: 9_999 }, (_, i) => [`Duty ${i}`, "R"])])],
      /has 10,000 rows; a RACI sheet for one team has at most 2,000/,
    ],
    [
      "too many columns",
      [sheet([["Duty", ...Array.from({ length: RACI_SHEET_LIMITS.columns }, (_, i) => `R${i}`)]])],
      /more than 60 columns/,
    ],
  ])("refuses %s with a message", (_, sheets, message) => {
    expect(() => planRaciImport(CHECKOUT_MAP, "t1", sheets)).toThrow(RaciSheetError);
    expect(() => planRaciImport(CHECKOUT_MAP, "t1", sheets)).toThrow(message);
  });
});

describe("applyRaciPlan", () => {
  it("gives the map the plan makes, so that its flags can be shown before and after", () => {
    const plan = planRaciImport(CHECKOUT_MAP, "t1", [sheet(TITLED)]);
    const after = applyRaciPlan(CHECKOUT_MAP, "t1", plan);
    expect(after.slots.find((slot) => slot.id === "new:D")).toMatchObject({
      role: "Designer",
      holderId: null,
      teamId: "t1",
    });
    expect(after.duties.find((duty) => duty.id === "new:7")).toMatchObject({ name: "Hiring", required: false });
    expect(after.assignments.filter((cell) => cell.teamId === "t1")).toHaveLength(7);
    // Roadmap had no accountable slot in Checkout: the import owns it.
    const unowned = (map: typeof CHECKOUT_MAP) =>
      analyzeMap(map)
        .flags.filter((flag) => flag.kind === "unowned_duty" && flag.team.id === "t1")
        .map((flag) => flag.id);
    expect(unowned(CHECKOUT_MAP)).toHaveLength(1);
    expect(unowned(after)).toEqual([]);
  });
});
