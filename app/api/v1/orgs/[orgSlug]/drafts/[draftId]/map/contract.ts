import "server-only";
import { answer, defineOperation, DRAFT_PATH, notFound, wrap, ZErrorBody } from "@/lib/server/http/contract";
import { ZMapCounts, ZMapDocumentAnswer } from "@/lib/server/map/answers";
import { MAP_CSV_BODY } from "@/lib/server/map/read-map-csv";
import { MAP_WORKBOOK_BODY } from "@/lib/server/map/read-map-workbook";
import { MAP_IMPORT_BODY_LIMIT_BYTES, ZMapDocument } from "@/lib/validation/map";

export const GET = defineOperation({
  method: "GET",
  path: `${DRAFT_PATH}/map`,
  tag: "Drafts",
  summary: "The draft's map as a remit.map/v1 document (as `GET map` on live)",
  access: "read",
  responses: { 200: answer("The document; its ETag is its fingerprint.", ZMapDocumentAnswer), 404: notFound("draft") },
});

export const PUT = defineOperation({
  method: "PUT",
  path: `${DRAFT_PATH}/map`,
  tag: "Drafts",
  summary: "Replace the draft's map with a remit.map/v1 document (as `PUT map` on live)",
  access: "edit_map",
  bodyLimitBytes: MAP_IMPORT_BODY_LIMIT_BYTES,
  body: ZMapDocument,
  bodyReadByHandler: true,
  alsoAccepts: [MAP_WORKBOOK_BODY, MAP_CSV_BODY],
  responses: {
    200: answer("What was imported.", wrap({ imported: ZMapCounts })),
    404: notFound("draft"),
    412: { description: "`If-Match` no longer matches the draft's map.", schema: ZErrorBody },
    413: { description: `The body is over ${MAP_IMPORT_BODY_LIMIT_BYTES / 1_000_000} MB.`, schema: ZErrorBody },
  },
});
