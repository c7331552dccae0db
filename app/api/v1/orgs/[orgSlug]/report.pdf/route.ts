import { handle } from "@/lib/server/http/api-route";
import { getReport } from "@/lib/server/journal/get-report";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => {
  const { filename, pdf } = await getReport({ actor, orgSlug: params.orgSlug });
  return {
    status: 200,
    body: pdf as BodyInit,
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"` },
  };
});
