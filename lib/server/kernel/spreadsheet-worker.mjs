// The workbook work of lib/server/kernel/read-spreadsheet.ts, run in a worker thread of its pool: exceljs takes
// seconds to write or read the workbook of a 1,000-team map, and on the server's own thread every other request
// would wait for it. Plain JavaScript, loaded by the pool from the app's folder (the server's bundle does not
// carry it); the checks on the file (size, kind, what it unpacks to) stay with the caller.
import ExcelJS from "exceljs";

/** @param {{ kind: "write", sheets: object[], levelLetters: string[] } | { kind: "read", bytes: Uint8Array, rowLimit: number }} task */
export default async function run(task) {
  return task.kind === "write" ? writeWorkbook(task) : readWorkbook(task);
}

/** A workbook of sheets of values, written as values: text that starts with "=" stays text, never a formula. */
async function writeWorkbook({ sheets, levelLetters }) {
  const workbook = new ExcelJS.Workbook();
  // A fixed moment: exporting an unchanged map twice gives the same workbook.
  workbook.created = workbook.modified = new Date(0);
  workbook.creator = "Remit";
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => cell ?? null));
    sheet.widths?.forEach((width, index) => (worksheet.getColumn(index + 1).width = width));
    const levels = sheet.levels;
    if (levels) {
      const list = { type: "list", allowBlank: true, formulae: [`"${levelLetters.join(",")}"`] };
      for (let row = levels.firstRow; row <= levels.lastRow; row++) {
        for (let column = levels.firstColumn; column <= levels.lastColumn; column++) {
          worksheet.getCell(row, column).dataValidation = {
            ...list,
            showErrorMessage: true,
            errorTitle: "Not a level",
            error: `Choose ${levelLetters.join(", ")}, or leave the cell empty.`,
          };
        }
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The sheets of a workbook as the whole text of their cells (the caller applies its limits), at most `rowLimit` rows
 * each (`rowCount` says how many it has); `{ isReadable: false }` when exceljs cannot read it.
 */
async function readWorkbook({ bytes, rowLimit }) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return { isReadable: false, sheets: [] };
  }
  const sheets = workbook.worksheets.map((sheet) => {
    const rows = [];
    const last = Math.min(sheet.rowCount, rowLimit);
    for (let number = 1; number <= last; number++) {
      const row = sheet.getRow(number);
      const cells = [];
      for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
      rows.push(cells);
    }
    return { name: sheet.name, rows, rowCount: sheet.rowCount };
  });
  return { isReadable: true, sheets };
}

/** A cell's text: a formula as its text (never its result: the file's cached result could say anything). */
function cellText(value) {
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
