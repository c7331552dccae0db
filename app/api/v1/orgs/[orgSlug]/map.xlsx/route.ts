import { handle } from "@/lib/server/http/api-route";
import { XLSX_TYPE } from "@/lib/server/kernel/read-spreadsheet";
import { exportMapWorkbook } from "@/lib/server/map/export-map-workbook";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => {
  const { filename, workbook } = await exportMapWorkbook({ actor, orgSlug: params.orgSlug });
  return {
    status: 200,
    body: workbook as BodyInit,
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${filename}"` },
  };
});
