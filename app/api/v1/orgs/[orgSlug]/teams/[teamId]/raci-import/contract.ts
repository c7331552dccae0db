import "server-only";
import { ZRaciImportAnswer } from "@/lib/server/assignments/answers";
import { answer, conflict, defineOperation, notFound, TEAM_PATH } from "@/lib/server/http/contract";
import {
  SPREADSHEET_LIMIT_BYTES,
  SPREADSHEET_UPLOAD_LIMIT_BYTES,
  XLSX_TYPE,
} from "@/lib/server/kernel/read-spreadsheet";
import { ZRaciImportOptions } from "@/lib/validation/raci-import";

export const POST = defineOperation({
  method: "POST",
  path: `${TEAM_PATH}/raci-import`,
  tag: "Assignments",
  summary: "Preview or apply a RACI sheet (CSV or XLSX) for a team",
  description:
    "A spreadsheet with one row per duty and one column per role, R, A, C or I in the cells (see " +
    "docs/spreadsheets.md). Without `apply`, a preview and nothing written: what each column and row is matched to, " +
    "every cell that would change, every problem with its row and column, and the team's flags before and after. " +
    "With `apply: true` and the same file, the import is made again against the map as it is then and written as " +
    "one undoable action, or refused (400) while any problem is an error. A file that cannot be read as a RACI " +
    "sheet (not a spreadsheet, empty, no header, duplicate columns, too many rows) is refused with 400 in `fields.file`.",
  access: "edit_map",
  upload: {
    file: {
      name: "file",
      description: `The sheet: CSV (UTF-8) or an Excel workbook (.xlsx), at most ${SPREADSHEET_LIMIT_BYTES / 1_000_000} MB. Formulas are read as their text, never run.`,
      mediaTypes: ["text/csv", XLSX_TYPE],
    },
    options: {
      name: "options",
      description:
        'JSON: `{ sheet?, columns?: { "B": "new" | "skip" | { slotId } }, rows?: { "5": "new" | "skip" | { dutyId } }, apply?, expect? }` (`expect`: the preview\'s `fingerprint`).',
      schema: ZRaciImportOptions,
    },
  },
  bodyLimitBytes: SPREADSHEET_UPLOAD_LIMIT_BYTES,
  responses: {
    200: answer("The preview, and what was written when applied.", ZRaciImportAnswer),
    404: notFound("team"),
    409: conflict("With `expect`: the import would now write something else than that preview; nothing was written."),
  },
});
