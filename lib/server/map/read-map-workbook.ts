import "server-only";
import { workbookToDocument } from "@/lib/domain/map-workbook";
import { AppError, type TFieldErrors } from "@/lib/errors";
import { readSpreadsheet, XLSX_TYPE } from "@/lib/server/kernel/read-spreadsheet";
import { addFieldError } from "@/lib/validation/fields";
import { MAP_LIMITS } from "@/lib/validation/map";

/** The largest workbook `PUT map` reads: a 1,000-team map's workbook is a few MB. */
export const MAP_WORKBOOK_LIMIT_BYTES = 30_000_000;

/** What `PUT map` says of the workbooks it takes, in its contract. */
export const MAP_WORKBOOK_BODY = {
  mediaType: XLSX_TYPE,
  description:
    `Or a workbook from GET map.xlsx, edited or not (Content-Type ${XLSX_TYPE}), at most ` +
    `${MAP_WORKBOOK_LIMIT_BYTES / 1_000_000} MB: levels are read from the team sheets, everything else from the key ` +
    "sheets. Every problem, in a cell or in the map the workbook holds (a holder nobody is, a key used twice), is " +
    "reported under the cell it was read from, like 'People'!D7.",
} as const;

/**
 * The remit.map/v1 document a workbook from `GET map.xlsx` holds (edited or not), for the import to check as any
 * document, with the cell each JSON path of it was read from; 400 naming every cell that cannot be read
 * (`'People'!D7`).
 */
export async function readMapWorkbook(
  bytes: Uint8Array,
): Promise<{ document: unknown; source: { name: string; locate: (path: string) => string | null } }> {
  const sheets = await readSpreadsheet(bytes, {
    byteLimit: MAP_WORKBOOK_LIMIT_BYTES,
    // The Assignments sheet is the longest: one row per assignment, and a header.
    rowLimit: MAP_LIMITS.assignmentsTotal + 1,
    field: "workbook",
  });
  const result = workbookToDocument(sheets);
  if (result.ok) return { document: result.document, source: { name: "workbook", locate: result.locate } };
  const fields: TFieldErrors = {};
  for (const problem of result.problems) if (!addFieldError(fields, problem.path, problem.message)) break;
  const count = result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`;
  throw new AppError(
    "invalid_input",
    `The workbook has ${count}; nothing was imported. Each is listed in "fields" under its cell.`,
    fields,
  );
}
