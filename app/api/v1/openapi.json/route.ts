import { apiRoute, json } from "@/lib/server/http/api-route";
import { buildOpenApiDocument } from "@/lib/server/openapi/build-openapi-document";

export const GET = apiRoute(async () => json(buildOpenApiDocument()));
