import "server-only";
import { defineOperation, ORG_PATH } from "@/lib/server/http/contract";

export const GET = defineOperation({
  method: "GET",
  path: `${ORG_PATH}/report.pdf`,
  tag: "Map",
  summary: "A report to hand on, as a PDF",
  description:
    "A few A4 pages of real text (searchable, selectable): health and its trend over the last 30 days, the teams " +
    "that need attention (an error or a warning) with their flags in words, and the heatmap of who is accountable " +
    "for each duty in each team. At a draft's address (its `slug`), also what the draft changes against live and " +
    "which flags it resolves and introduces.",
  access: "read",
  responses: { 200: { description: "The report.", mediaType: "application/pdf" } },
});
