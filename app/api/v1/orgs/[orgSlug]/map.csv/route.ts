import { apiRoute } from "@/lib/server/http/api-route";
import { exportMapCsv } from "@/lib/server/map/export-map-csv";

export const GET = apiRoute<{ orgSlug: string }>(async ({ actor, params }) => {
  const { filename, csv } = await exportMapCsv({ actor, orgSlug: params.orgSlug });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
