import "server-only";
import { answer, defineOperation, ORG_PATH, wrap, ZErrorBody } from "@/lib/server/http/contract";
import { ZMapCounts, ZMapDocumentAnswer } from "@/lib/server/map/answers";
import { MAP_CSV_BODY } from "@/lib/server/map/read-map-csv";
import { MAP_WORKBOOK_BODY } from "@/lib/server/map/read-map-workbook";
import { MAP_IMPORT_BODY_LIMIT_BYTES, ZMapDocument } from "@/lib/validation/map";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/map`,
  tag: "Map",
  summary: "Export the map as a remit.map/v1 document",
  description:
    "In a stable order: exporting an unchanged map twice gives the same bytes. Ids and versions are left out. " +
    "The `ETag` header is the document's fingerprint: send it back as `If-Match` with an import so that it " +
    "replaces only the map you read.",
  access: "read",
  responses: { 200: answer("The document.", ZMapDocumentAnswer) },
});

export const PUT = defineOperation({
  method: "PUT",
  path: `${ORG_PATH}/map`,
  tag: "Map",
  summary: "Import a remit.map/v1 document (or the workbook of GET map.xlsx), replacing the map",
  description:
    "Replaces the teams, people, slots, duties and assignments (not members or tokens). The document is checked " +
    "first and every problem is reported at once in `fields`, keyed by JSON path like `teams[2].slots[0].holder` " +
    "(for a workbook, by the cell it was read from, like `'Slots'!E14`; for CSV, by line and column); " +
    "then it is stored in one transaction, so nothing is ever half imported. What keeps its key keeps its id. " +
    `Bodies up to ${MAP_IMPORT_BODY_LIMIT_BYTES / 1_000_000} MB. With an \`If-Match\` header (an ETag from ` +
    "GET map), nothing is imported when the map has changed since (412): read it again, then decide.",
  access: "edit_map",
  body: ZMapDocument,
  bodyReadByHandler: true,
  alsoAccepts: [MAP_WORKBOOK_BODY, MAP_CSV_BODY],
  bodyLimitBytes: MAP_IMPORT_BODY_LIMIT_BYTES,
  responses: {
    200: answer("How many of each were imported.", wrap({ imported: ZMapCounts })),
    412: { description: "The map changed since the ETag in `If-Match` was read.", schema: ZErrorBody },
  },
});
