import "server-only";
import { applyMapCsv } from "@/lib/domain/map-csv";
import type { TMapDocument } from "@/lib/domain/map-format";
import { AppError, type TFieldErrors } from "@/lib/errors";
import { readSpreadsheet } from "@/lib/server/kernel/read-spreadsheet";
import { addFieldError } from "@/lib/validation/fields";
import { MAP_IMPORT_BODY_LIMIT_BYTES, MAP_LIMITS } from "@/lib/validation/map";

/** What `PUT map` says of the CSV it takes, in its contract. */
export const MAP_CSV_BODY = {
  mediaType: "text/csv",
  description:
    "Or the CSV of GET map.csv, edited or not (Content-Type text/csv): each team it lists gets the assignments of " +
    "its lines (a line deleted clears that cell), and each slot a line names takes that line's holder (empty: " +
    "vacant). Keys say what is what; names are not read back. A problem is reported under its line and column.",
} as const;

/** `document` with the CSV's assignments and holders (see `applyMapCsv`); 400 naming every line it cannot read. */
export async function readMapCsv(bytes: Uint8Array, document: TMapDocument): Promise<TMapDocument> {
  const [sheet] = await readSpreadsheet(bytes, {
    byteLimit: MAP_IMPORT_BODY_LIMIT_BYTES,
    rowLimit: MAP_LIMITS.assignmentsTotal + 1,
    field: "csv",
  });
  const result = applyMapCsv(document, sheet?.rows ?? []);
  if (result.ok) return result.document;
  const fields: TFieldErrors = {};
  for (const problem of result.problems) if (!addFieldError(fields, problem.path, problem.message)) break;
  const count = result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`;
  throw new AppError(
    "invalid_input",
    `The CSV has ${count}; nothing was imported. Each is listed in "fields" under its line and column.`,
    fields,
  );
}
