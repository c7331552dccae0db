import { draftSlug } from "@/lib/server/drafts/drafts";
import { apiRoute } from "@/lib/server/http/api-route";
import { MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/server/map/import-map";
import { importMapResponse, mapDocumentResponse } from "@/lib/server/map/map-document-route";

type TParams = { orgSlug: string; draftId: string };

/** The draft's map: the same as `GET map` on live. */
export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  mapDocumentResponse({ actor, orgSlug: await draftSlug({ actor, ...params }) }),
);

/** Replaces the draft's map: the same as `PUT map` on live. */
export const PUT = apiRoute<TParams>(
  async ({ request, actor, params }) =>
    importMapResponse({ request, actor, orgSlug: () => draftSlug({ actor, ...params }) }),
  { bodyLimit: MAP_IMPORT_BODY_LIMIT_BYTES },
);
