import "server-only";
import { defineOperation, ORG_PATH } from "@/lib/server/http/contract";
import { XLSX_TYPE } from "@/lib/server/kernel/read-spreadsheet";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/map.xlsx`,
  tag: "Map",
  summary: "Export the map as an Excel workbook",
  description:
    "One readable RACI sheet per team (duties down, slots across, a level per cell chosen from a list, the flags " +
    "beside), then the sheets that hold the whole map by key: Duties, People, Teams, Slots, Assignments and Rules. " +
    "`PUT map` with this workbook (edited or not) imports it; see docs/spreadsheets.md. Cells are values, never " +
    "formulas: text that starts with =, +, - or @ stays text.",
  access: "read",
  responses: { 200: { description: "The workbook (.xlsx).", mediaType: XLSX_TYPE } },
});
