import "server-only";
import { defineOperation, ORG_PATH } from "@/lib/server/http/contract";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/map.csv`,
  tag: "Map",
  summary: "Export the assignments as CSV",
  description:
    "One row per assignment: team, duty, slot (role, title, key), holder and level, with keys. UTF-8 with a byte " +
    "order mark, CRLF line endings; text that a spreadsheet would run as a formula starts with an apostrophe.",
  access: "read",
  responses: { 200: { description: "The CSV file.", mediaType: "text/csv" } },
});
