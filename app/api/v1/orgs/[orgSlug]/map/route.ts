import { handle } from "@/lib/server/http/api-route";
import { importMapReply, mapDocumentReply } from "@/lib/server/map/map-document-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => mapDocumentReply({ actor, ...params }));

export const PUT = handle(contract.PUT)(async ({ request, actor, params, readBody, readBytes }) =>
  importMapReply({ request, actor, readBody, readBytes, orgSlug: async () => params.orgSlug }),
);
