import { apiRoute } from "@/lib/server/http/api-route";
import { MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/server/map/import-map";
import { importMapResponse, mapDocumentResponse } from "@/lib/server/map/map-document-route";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) => mapDocumentResponse({ actor, ...params }));

export const PUT = apiRoute<TParams>(
  async ({ request, actor, params }) => importMapResponse({ request, actor, orgSlug: async () => params.orgSlug }),
  { bodyLimit: MAP_IMPORT_BODY_LIMIT_BYTES },
);
