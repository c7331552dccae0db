import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSpreadsheet } from "./read-spreadsheet";

/** The cells as exceljs's full reader gives them, the reader Remit used before: the reference this one must match. */
async function readWithExcelJs(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    for (let number = 1; number <= sheet.rowCount; number++) {
      const row = sheet.getRow(number);
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++) cells.push(text(row.getCell(column).value));
      while (cells.length > 0 && cells.at(-1) === "") cells.pop();
      rows.push(cells);
    }
    return { name: sheet.name, rows, rowCount: sheet.rowCount };
  });
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  if ("sharedFormula" in value) return `=${value.formula ?? value.sharedFormula}`;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

const trimmed = (sheets: Awaited<ReturnType<typeof readSpreadsheet>>) =>
  sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) => {
      const cells = [...row];
      while (cells.length > 0 && cells.at(-1) === "") cells.pop();
      return cells;
    }),
  }));

describe("readSpreadsheet of an .xlsx file", () => {
  it("reads every kind of cell as exceljs does: text, numbers, booleans, dates, formulas, rich text, merges", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Checkout & <Payments>");
    sheet.addRow(["Title across the table"]);
    sheet.mergeCells("A1:D1");
    sheet.addRow([]);
    sheet.addRow(["Duty", "Product Owner", "PM", "Notes"]);
    sheet.addRow(["Roadmap", "A/R", { formula: 'IF(1=1,"R","A")', result: "R" }, "  spaced  "]);
    sheet.addRow(['Ümlaut, 中文 & "quotes" <tags>', 3.25, true, new Date(Date.UTC(2027, 0, 31))]);
    sheet.addRow([
      { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }] },
      { text: "a link", hyperlink: "https://example.com" },
      { error: "#N/A" },
      { formula: "SUM(B5:B5)", result: 3.25 },
    ]);
    sheet.getCell("B7").value = { formula: "B5*2", result: 6.5 };
    sheet.getCell("B8").value = { sharedFormula: "B7", result: 13 };
    sheet.getCell("F12").value = "far away";
    workbook.addWorksheet("Empty");
    workbook.addWorksheet("Second").addRow(["=not a formula", "", "x"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const read = await readSpreadsheet(bytes);
    const expected = await readWithExcelJs(bytes);
    // exceljs names a shared formula's master cell ("=B7"); the formula as it reads in its own cell is "=B6*2".
    expected[0]!.rows[7]![1] = "=B6*2";
    expect(trimmed(read)).toEqual(expected);
    expect(read[0]!.rows[4]).toContain("2027-01-31T00:00:00.000Z");
    expect(read[0]!.rows[0]).toEqual(["Title across the table", ...Array(3).fill("Title across the table")]);
  });

  it("keeps at most the row limit, and counts the rest", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Long");
    for (let row = 1; row <= 50; row++) sheet.addRow([`row ${row}`]);
    const [read] = await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()), { rowLimit: 10 });
    expect(read!.rows).toHaveLength(10);
    expect(read!.rowCount).toBe(50);
  });
});
