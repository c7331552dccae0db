import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { LEVEL_LETTERS, type TWorkbookSheet } from "@/lib/domain/map-workbook";
import { RACI_SHEET_LIMITS, type TSheetGrid } from "@/lib/domain/raci-sheet";
import { AppError } from "@/lib/errors";
import { readXlsx, UnreadableWorkbookError, zipEntries } from "./read-xlsx";

/** The largest spreadsheet file read: a RACI sheet is a few kB; a workbook of a whole map, a few MB. */
export const SPREADSHEET_LIMIT_BYTES = 5_000_000;
/** An upload of one spreadsheet: the file, and room for the form's other parts. */
export const SPREADSHEET_UPLOAD_LIMIT_BYTES = SPREADSHEET_LIMIT_BYTES + 100_000;
/** What a workbook may unpack to: its XML is read whole, so a small file that unpacks to gigabytes is refused. */
const UNPACKED_LIMIT_BYTES = 200_000_000;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

function refuse(message: string, field = "file"): AppError {
  return new AppError("invalid_input", message, { [field]: [message] });
}

/**
 * The sheets of a CSV or XLSX file, as the text of their cells. Read from the bytes (not the name or the declared
 * type, which are the sender's word). Nothing in the file runs: a formula is read as its text ("=SUM(A1:A3)"), never
 * evaluated, and no external link or macro is followed. At most `rowLimit` rows of a sheet are kept; its real count
 * is in `rowCount`.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  {
    rowLimit = RACI_SHEET_LIMITS.rows + 1,
    byteLimit = SPREADSHEET_LIMIT_BYTES,
    field = "file",
  }: { rowLimit?: number; byteLimit?: number; field?: string } = {},
): Promise<TSheetGrid[]> {
  if (bytes.byteLength === 0) throw refuse("The file is empty.", field);
  if (bytes.byteLength > byteLimit) {
    throw refuse(`The file is larger than ${byteLimit / 1_000_000} MB; a spreadsheet is smaller.`, field);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw refuse(
      "This is an old Excel file (.xls): save it as an Excel workbook (.xlsx) or as CSV, then try again.",
      field,
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return readWorkbook(bytes, rowLimit, field);
  return [readCsv(bytes, rowLimit, field)];
}

function readCsv(bytes: Uint8Array, rowLimit: number, field: string): TSheetGrid {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse("The file is neither an Excel workbook (.xlsx) nor CSV text in UTF-8.", field);
  }
  if (text.includes("\u0000")) throw refuse("The file is neither an Excel workbook (.xlsx) nor CSV text.", field);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: rowLimit + 1 });
  const rows = parsed.data.map((row) => row.map(cellText));
  const rowCount = parsed.meta.truncated ? countLines(text) : rows.length;
  return { name: "CSV", rows: rows.slice(0, rowLimit), rowCount };
}

const countLines = (text: string) => text.split(/\r\n|\n|\r/).length;

function cellText(text: string): string {
  return text.length > RACI_SHEET_LIMITS.cellLength ? text.slice(0, RACI_SHEET_LIMITS.cellLength) : text;
}

function readWorkbook(bytes: Uint8Array, rowLimit: number, field: string): TSheetGrid[] {
  const entries = zipEntries(bytes);
  if (entries === null) throw refuse("The file looks like a zip archive but is not a readable Excel workbook.", field);
  // A zip bomb says up front what it unpacks to; a part that unpacks to more than it says is refused as it unpacks.
  const unpacked = [...entries.values()].reduce((sum, entry) => sum + entry.size, 0);
  if (unpacked > UNPACKED_LIMIT_BYTES) {
    throw refuse(
      `The workbook unpacks to more than ${UNPACKED_LIMIT_BYTES / 1_000_000} MB; it is too large to read.`,
      field,
    );
  }
  try {
    return readXlsx(bytes, entries, { rowLimit, cellText });
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) throw error;
    throw refuse(
      "The file is not a readable Excel workbook (.xlsx): open it in a spreadsheet and save it again.",
      field,
    );
  }
}

/** A workbook of sheets of values, written as values: text that starts with "=" stays text, never a formula. */
export async function writeWorkbook(sheets: readonly TWorkbookSheet[]): Promise<Uint8Array> {
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
      const list = { type: "list" as const, allowBlank: true, formulae: [`"${LEVEL_LETTERS.join(",")}"`] };
      for (let row = levels.firstRow; row <= levels.lastRow; row++) {
        for (let column = levels.firstColumn; column <= levels.lastColumn; column++) {
          worksheet.getCell(row, column).dataValidation = {
            ...list,
            showErrorMessage: true,
            errorTitle: "Not a level",
            error: `Choose ${LEVEL_LETTERS.join(", ")}, or leave the cell empty.`,
          };
        }
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
