import { describe, expect, it } from "vitest";
import { validateMapDocument } from "@/lib/validation/map";
import { generateMap } from "./generate-map";
import { mapToDocument } from "./map-document";
import type { TMapDocument } from "./map-format";
import { documentToWorkbook, workbookToDocument, type TWorkbookSheet } from "./map-workbook";
import type { TSheetGrid } from "./raci-sheet";
import { DEFAULT_RULES } from "./rules";

/** The sheets as a reader gives them back: every cell as text, as lib/server's reader turns values into text. */
const asRead = (sheets: readonly TWorkbookSheet[]): TSheetGrid[] =>
  sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell)))),
  }));

function roundTrip(document: TMapDocument): TMapDocument {
  const read = workbookToDocument(asRead(documentToWorkbook(document)));
  if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 5)));
  const checked = validateMapDocument(read.document);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors.slice(0, 5)));
  return checked.document;
}

describe("the map as a workbook", () => {
  it("gives back the document it was made from, rules included", () => {
    const document = mapToDocument(generateMap({ teams: 12, seed: 3 }), DEFAULT_RULES);
    expect(roundTrip(document)).toEqual(document);
  });

  it("keeps text a spreadsheet would run as text, and odd names as they are", () => {
    const document = mapToDocument(generateMap({ teams: 2, seed: 5 }));
    document.teams[0]!.name = '=HYPERLINK("http://evil")';
    document.teams[1]!.name = "Checkout/EU: [beta]";
    document.people[0]!.name = "+1 for Ana";
    document.duties[0]!.description = "@SUM(A1) -2";
    const sheets = documentToWorkbook(document);
    expect(sheets.map((sheet) => sheet.name).slice(0, 2)).toEqual(['=HYPERLINK("http   evil")', "Checkout EU   beta"]);
    expect(sheets[0]!.rows[0]).toEqual(["Team key", document.teams[0]!.key, "Team", '=HYPERLINK("http://evil")']);
    expect(roundTrip(document)).toEqual(document);
  });

  it("lays a team's sheet out as a RACI chart: slots across, duties down, letters, flags beside", () => {
    const document = mapToDocument(generateMap({ teams: 1, seed: 2 }));
    const team = document.teams[0]!;
    const [sheet] = documentToWorkbook(document, [
      { teamKey: team.key, dutyKey: document.duties[0]!.key, message: "Nobody is accountable." },
      { teamKey: team.key, dutyKey: null, message: "The team is too large." },
    ]);
    expect(sheet!.rows[1]).toEqual([
      "Duty key",
      "Duty",
      ...team.slots.map((slot) => expect.stringContaining(slot.role)),
      "Flags",
    ]);
    expect(sheet!.rows[2]).toEqual(["", "Slot key", ...team.slots.map((slot) => slot.key), ""]);
    expect(sheet!.rows[3]!.at(-1)).toBe("Nobody is accountable.");
    expect(sheet!.rows.at(-1)).toEqual(["", "Flags of the team", "The team is too large."]);
    const letters = sheet!.rows.slice(3, 3 + document.duties.length).flatMap((row) => row.slice(2, -1));
    expect(new Set(letters.filter((cell) => cell !== null))).toEqual(
      new Set(["A", "R", "C", "I"].filter((l) => letters.includes(l))),
    );
    expect(sheet!.levels).toEqual({
      firstRow: 4,
      lastRow: 3 + document.duties.length,
      firstColumn: 3,
      lastColumn: 2 + team.slots.length,
    });
  });

  it("takes a level edited on a team's sheet once the Assignments sheet is gone, and names a disagreement", () => {
    const document = mapToDocument(generateMap({ teams: 1, seed: 2 }));
    const sheets = asRead(documentToWorkbook(document));
    const teamSheet = sheets[0]!;
    const row = teamSheet.rows[3]!;
    const column = row.findIndex((cell, index) => index >= 2 && cell === "");
    row[column] = "r";
    const disagreeing = workbookToDocument(sheets);
    expect(disagreeing.ok).toBe(false);
    expect(!disagreeing.ok && disagreeing.problems[0]?.message).toMatch(
      /but the Assignments sheet lists nothing there/,
    );
    const edited = workbookToDocument(sheets.filter((sheet) => sheet.name !== "Assignments"));
    expect(edited.ok).toBe(true);
    const team = (edited as { document: TMapDocument }).document.teams[0]!;
    expect(team.assignments).toContainEqual({ duty: row[0], slot: teamSheet.rows[2]![column], level: "responsible" });
  });

  it("names each cell it cannot read", () => {
    const sheets = asRead(documentToWorkbook(mapToDocument(generateMap({ teams: 1, seed: 2 }))));
    sheets[0]!.rows[3]![2] = "maybe";
    const people = sheets.find((sheet) => sheet.name === "People")!;
    people.rows[1]![3] = "lots";
    const result = workbookToDocument(sheets.filter((sheet) => sheet.name !== "Duties"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual([
      "'Duties'",
      "'People'!D2",
      `'${sheets[0]!.name}'!C4`,
    ]);
  });
});
