import "server-only";
import { inflateRawSync } from "node:zlib";
import type { TSheetGrid } from "@/lib/domain/raci-sheet";

// An .xlsx file read straight from its zip and XML, for the text of its cells and nothing else. exceljs builds an
// object per cell with its style (2.5 s and hundreds of MB for a 1,000-team map's workbook); reading the few parts
// that hold values takes a tenth of a second. exceljs still writes the workbooks Remit exports.

/** A workbook this reader cannot read: the caller says so to the user. */
export class UnreadableWorkbookError extends Error {}

type TZipEntry = { method: number; compressedSize: number; size: number; localOffset: number };

/**
 * The files of a zip by name, from its central directory (with the sizes they say they unpack to, which a zip bomb
 * declares up front); null when there is no readable directory.
 */
export function zipEntries(bytes: Uint8Array): Map<string, TZipEntry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let end = bytes.byteLength - 22; end >= Math.max(0, bytes.byteLength - 65_557); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    const entries = new Map<string, TZipEntry>();
    const decoder = new TextDecoder();
    for (let index = 0; index < count; index++) {
      if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(offset + 28, true);
      if (offset + 46 + nameLength > bytes.byteLength) return null;
      entries.set(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)), {
        method: view.getUint16(offset + 10, true),
        compressedSize: view.getUint32(offset + 20, true),
        size: view.getUint32(offset + 24, true),
        localOffset: view.getUint32(offset + 42, true),
      });
      offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return entries;
  }
  return null;
}

/** One file of the zip as text; at most the size the directory declared (a file that unpacks to more is refused). */
function unzipText(bytes: Uint8Array, entry: TZipEntry): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) {
    throw new UnreadableWorkbookError("a part of the zip is missing");
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.byteLength !== entry.compressedSize) throw new UnreadableWorkbookError("a part of the zip is cut short");
  let unpacked: Uint8Array;
  if (entry.method === 0) unpacked = data;
  else if (entry.method === 8) {
    try {
      unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new UnreadableWorkbookError("a part of the zip cannot be unpacked");
    }
  } else throw new UnreadableWorkbookError("a part of the zip is packed in a way spreadsheets do not use");
  return new TextDecoder().decode(unpacked);
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (!name.startsWith("#")) return ENTITIES[name] ?? whole;
    const code = name[1] === "x" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, double, single] of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found[name!.replace(/^[\w.-]+:(?!id$)/, "")] = decodeXml(double ?? single ?? "");
  }
  return found;
}

// Elements may carry a namespace prefix (`<x:c>`), as files some tools write do.
const P = "(?:[\\w.-]+:)?";
const elements = (name: string, flags = "g") =>
  new RegExp(`<${P}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`, flags);
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");
const TEXTS = elements("t");
const ITEMS = elements("si");
const FORMULA = elements("f", "");
const INLINE = elements("is", "");
const ROW_NUMBER = /(?:^|\s)r\s*=\s*["']([0-9]+)["']/;
const CELL_REFERENCE = /(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})\$?[0-9]+["']/;
const CELL_TYPE = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;
const CELL_STYLE = /(?:^|\s)s\s*=\s*["']([0-9]+)["']/;
const VALUE = new RegExp(`<${P}v\\b[^>]*>([\\s\\S]*?)</${P}v>`);

/** The text of a string item (`<si>`, `<is>`): its runs' text, without phonetic guides. */
function itemText(xml: string): string {
  const plain = xml.includes("rPh") ? xml.replace(PHONETIC, "") : xml;
  let text = "";
  for (const match of plain.matchAll(TEXTS)) text += decodeXml(match[2] ?? "");
  return text;
}

/** The number formats that show a date (Excel's built-in ones, and any custom format with day, month or year). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN_DATE_FORMATS.add(id);

function dateStyles(stylesXml: string): Set<number> {
  const customDates = new Set<number>();
  for (const [tag] of stylesXml.matchAll(new RegExp(`<${P}numFmt\\b[^>]*>`, "g"))) {
    const { numFmtId, formatCode } = attributes(tag);
    const code = (formatCode ?? "").replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
    if (/[ymdhsb]/i.test(code)) customDates.add(Number(numFmtId));
  }
  const cellFormats = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(stylesXml)?.[1] ?? "";
  const styles = new Set<number>();
  let index = 0;
  for (const [tag] of cellFormats.matchAll(new RegExp(`<${P}xf\\b[^>]*>`, "g"))) {
    const id = Number(attributes(tag).numFmtId ?? 0);
    if (BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id)) styles.add(index);
    index++;
  }
  return styles;
}

const columnNumber = (letters: string) => [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);

function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A shared formula as its master cell's text would read in another cell: relative references moved (A1 → B2). */
function slideFormula(formula: string, rows: number, columns: number): string {
  return formula.replace(
    /((?:[A-Za-z_][\w.]*|'[^']*')!)?(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]*)(?![\w(])/g,
    (whole, sheet: string | undefined, columnFixed: string, letters: string, rowFixed: string, row: string) => {
      const column = columnNumber(letters.toUpperCase());
      if (column > 16_384) return whole;
      const movedColumn = columnFixed ? column : column + columns;
      const movedRow = rowFixed ? Number(row) : Number(row) + rows;
      if (movedColumn < 1 || movedRow < 1) return whole;
      return `${sheet ?? ""}${columnFixed}${columnLetters(movedColumn)}${rowFixed}${movedRow}`;
    },
  );
}

const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;

/**
 * The sheets of an .xlsx file as the text of their cells, in the workbook's order: a formula as its text
 * (`=SUM(A1:A3)`, never its cached result), a date as its ISO moment, a merged range's cells as its first cell's.
 * At most `rowLimit` rows of a sheet are kept; `rowCount` is its last row's number. Throws UnreadableWorkbookError.
 */
export function readXlsx(
  bytes: Uint8Array,
  entries: Map<string, TZipEntry>,
  { rowLimit, cellText }: { rowLimit: number; cellText: (text: string) => string },
): TSheetGrid[] {
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry ? unzipText(bytes, entry) : null;
  };
  const relationships = (name: string) => {
    const xml = part(name) ?? "";
    return [...xml.matchAll(new RegExp(`<${P}Relationship\\b[^>]*>`, "g"))].map(([tag]) => attributes(tag));
  };
  const resolve = (base: string, target: string) => {
    if (target.startsWith("/")) return target.slice(1);
    const parts = base.split("/").slice(0, -1);
    for (const piece of target.split("/")) {
      if (piece === "..") parts.pop();
      else if (piece !== ".") parts.push(piece);
    }
    return parts.join("/");
  };

  const office = relationships("_rels/.rels").find((rel) => rel.Type?.endsWith("/officeDocument"));
  const workbookName = office?.Target ? resolve("", office.Target) : "xl/workbook.xml";
  const workbookXml = part(workbookName);
  if (workbookXml === null) throw new UnreadableWorkbookError("the workbook part is missing");
  const relsName = workbookName.replace(/([^/]*)$/, "_rels/$1.rels");
  const workbookRels = relationships(relsName);
  const related = (suffix: string) => workbookRels.find((rel) => rel.Type?.endsWith(suffix))?.Target;
  const sharedStringsTarget = related("/sharedStrings");
  const stylesTarget = related("/styles");
  const sharedStrings = [
    ...(part(resolve(workbookName, sharedStringsTarget ?? "sharedStrings.xml")) ?? "").matchAll(ITEMS),
  ].map((match) => itemText(match[2] ?? ""));
  const dates = dateStyles(part(resolve(workbookName, stylesTarget ?? "styles.xml")) ?? "");
  const worksheetTargets = new Map(
    workbookRels.filter((rel) => rel.Type?.endsWith("/worksheet")).map((rel) => [rel.Id ?? "", rel.Target ?? ""]),
  );
  const is1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);

  const sheets: TSheetGrid[] = [];
  for (const [tag] of workbookXml.matchAll(new RegExp(`<${P}sheet\\b[^>]*>`, "g"))) {
    const sheet = attributes(tag);
    const id = Object.entries(sheet).find(([name]) => name.endsWith(":id"))?.[1];
    const target = worksheetTargets.get(id ?? "");
    if (!target) continue;
    const xml = part(resolve(workbookName, target));
    if (xml === null) throw new UnreadableWorkbookError("a sheet is missing");
    sheets.push({ name: sheet.name ?? "", ...readSheet(xml) });
  }
  return sheets;

  function readSheet(xml: string): Omit<TSheetGrid, "name"> {
    const rows: string[][] = [];
    const formulas = new Map<string, { formula: string; row: number; column: number }>();
    let rowNumber = 0;
    let rowCount = 0;
    let cells: string[] | null = null;
    let column = 0;
    const data = new RegExp(`<${P}sheetData\\b[^>]*>([\\s\\S]*)</${P}sheetData>`).exec(xml)?.[1] ?? "";
    const pattern = new RegExp(`<${P}row\\b([^>]*?)(/?)>|<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, "g");
    for (const match of data.matchAll(pattern)) {
      if (match[1] !== undefined) {
        const number = Number(ROW_NUMBER.exec(match[1])?.[1]);
        rowNumber = Number.isInteger(number) && number > rowNumber ? number : rowNumber + 1;
        rowCount = Math.max(rowCount, rowNumber);
        column = 0;
        cells = null;
        if (rowNumber <= rowLimit) {
          while (rows.length < rowNumber) rows.push([]);
          cells = rows[rowNumber - 1]!;
        }
        continue;
      }
      if (rowNumber === 0) continue;
      const tag = match[3] ?? "";
      const reference = CELL_REFERENCE.exec(tag);
      column = reference ? columnNumber(reference[1]!.toUpperCase()) : column + 1;
      const body = match[4];
      if (cells === null || column > 16_384 || !body) continue;
      const value = valueText(body, CELL_TYPE.exec(tag)?.[1], CELL_STYLE.exec(tag)?.[1], rowNumber, column);
      if (value === "") continue;
      while (cells.length < column - 1) cells.push("");
      cells[column - 1] = cellText(value);
    }
    fillMerged(xml, rows);
    return { rows, rowCount };

    function valueText(
      body: string,
      type: string | undefined,
      style: string | undefined,
      row: number,
      column: number,
    ): string {
      const formula = FORMULA.exec(body);
      if (formula) {
        const { t, si } = attributes(formula[1] ?? "");
        const text = decodeXml(formula[2] ?? "");
        if (t !== "shared" || si === undefined) return `=${text}`;
        if (text !== "") {
          formulas.set(si, { formula: text, row, column });
          return `=${text}`;
        }
        const master = formulas.get(si);
        return master ? `=${slideFormula(master.formula, row - master.row, column - master.column)}` : "=";
      }
      if (type === "inlineStr") {
        const inline = INLINE.exec(body);
        return inline ? itemText(inline[2] ?? "") : "";
      }
      const raw = decodeXml(VALUE.exec(body)?.[1] ?? "");
      if (raw === "") return "";
      switch (type) {
        case "s":
          return sharedStrings[Number(raw)] ?? "";
        case "b":
          return String(Number(raw) !== 0);
        case "str":
        case "e":
        case "d":
          return raw;
        default: {
          const number = Number.parseFloat(raw);
          if (Number.isNaN(number)) return raw;
          if (!dates.has(Number(style ?? 0))) return String(number);
          const date = new Date(Math.round((number - EXCEL_EPOCH_DAYS + (is1904 ? 1462 : 0)) * DAY_MS));
          return Number.isNaN(date.getTime()) ? String(number) : date.toISOString();
        }
      }
    }
  }
}

/** Every cell of a merged range reads as its first cell, as spreadsheets show it (within the rows read). */
function fillMerged(xml: string, rows: string[][]) {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (const [tag] of xml.matchAll(new RegExp(`<${P}mergeCell\\b[^>]*>`, "g"))) {
    const range = /^([A-Z]{1,3})([0-9]+):([A-Z]{1,3})([0-9]+)$/.exec(attributes(tag).ref ?? "");
    if (!range) continue;
    const [top, left] = [Number(range[2]), columnNumber(range[1]!)];
    const [bottom, right] = [Math.min(Number(range[4]), rows.length), Math.min(columnNumber(range[3]!), width)];
    const value = rows[top - 1]?.[left - 1] ?? "";
    if (value === "") continue;
    for (let row = top; row <= bottom; row++) {
      const cells = rows[row - 1]!;
      for (let column = left; column <= right; column++) {
        if (row === top && column === left) continue;
        while (cells.length < column - 1) cells.push("");
        cells[column - 1] = value;
      }
    }
  }
}
