import { API_OPERATIONS } from "@/app/api/v1/contracts";
import { handle } from "@/lib/server/http/api-route";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ request }) => ({
  status: 200,
  body: JSON.stringify(buildOpenApiDocument(API_OPERATIONS, { origin: requestOrigin(request.headers) })),
  headers: { "Content-Type": "application/json" },
}));
