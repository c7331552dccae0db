import "server-only";
import path from "node:path";
import Papa from "papaparse";
import { Piscina } from "piscina";
import { LEVEL_LETTERS, type TWorkbookSheet } from "@/lib/domain/map-workbook";
import { RACI_SHEET_LIMITS, type TSheetGrid } from "@/lib/domain/raci-sheet";
import { AppError } from "@/lib/errors";

/** The largest spreadsheet file read: a RACI sheet is a few kB; a workbook of a whole map, a few MB. */
export const SPREADSHEET_LIMIT_BYTES = 5_000_000;
/** An upload of one spreadsheet: the file, and room for the form's other parts. */
export const SPREADSHEET_UPLOAD_LIMIT_BYTES = SPREADSHEET_LIMIT_BYTES + 100_000;
/** What a workbook may unpack to: its XML is read whole, so a small file that unpacks to gigabytes is refused. */
const UNPACKED_LIMIT_BYTES = 200_000_000;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Workbooks are written and read in worker threads (./spreadsheet-worker.mjs): exceljs takes seconds on a 1,000-team
 * map, which on the server's own thread held every other request for as long. One thread at a time, kept a minute
 * after its last workbook: the server has other work for the machine's other cores.
 */
let spreadsheetPool: Piscina | null = null;
function spreadsheetWorkers(): Piscina {
  spreadsheetPool ??= new Piscina({
    // From the app's folder: the server's bundle does not carry the worker's file.
    filename: path.join(process.cwd(), "lib", "server", "kernel", "spreadsheet-worker.mjs"),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  return spreadsheetPool;
}

type TWorkbookRead = { isReadable: boolean; sheets: TSheetGrid[] };

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

/** A cell's text as kept: at most the RACI sheet's cell length. */
function cellText(text: string): string {
  return text.length > RACI_SHEET_LIMITS.cellLength ? text.slice(0, RACI_SHEET_LIMITS.cellLength) : text;
}

/** The sum of the sizes a zip's central directory says its files unpack to (a zip bomb says so up front). */
function unpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let end = bytes.byteLength - 22; end >= Math.max(0, bytes.byteLength - 65_557); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    let total = 0;
    for (let index = 0; index < entries; index++) {
      if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
      total += view.getUint32(offset + 24, true);
      offset +=
        46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}

async function readWorkbook(bytes: Uint8Array, rowLimit: number, field: string): Promise<TSheetGrid[]> {
  const unpacked = unpackedSize(bytes);
  if (unpacked === null) throw refuse("The file looks like a zip archive but is not a readable Excel workbook.", field);
  if (unpacked > UNPACKED_LIMIT_BYTES) {
    throw refuse(
      `The workbook unpacks to more than ${UNPACKED_LIMIT_BYTES / 1_000_000} MB; it is too large to read.`,
      field,
    );
  }
  const read = (await spreadsheetWorkers().run({ kind: "read", bytes, rowLimit })) as TWorkbookRead;
  if (!read.isReadable) {
    throw refuse(
      "The file is not a readable Excel workbook (.xlsx): open it in a spreadsheet and save it again.",
      field,
    );
  }
  return read.sheets.map((sheet) => ({ ...sheet, rows: sheet.rows.map((row) => row.map(cellText)) }));
}

/** A workbook of sheets of values, written as values: text that starts with "=" stays text, never a formula. */
export async function writeWorkbook(sheets: readonly TWorkbookSheet[]): Promise<Uint8Array> {
  return (await spreadsheetWorkers().run({ kind: "write", sheets, levelLetters: LEVEL_LETTERS })) as Uint8Array;
}
