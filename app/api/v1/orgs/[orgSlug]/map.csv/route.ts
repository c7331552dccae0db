import { handle } from "@/lib/server/http/api-route";
import { exportMapCsv } from "@/lib/server/map/export-map-csv";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => {
  const { filename, csv } = await exportMapCsv({ actor, orgSlug: params.orgSlug });
  return {
    status: 200,
    body: csv,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  };
});
