import { draftSlug } from "@/lib/server/drafts/drafts";
import { handle } from "@/lib/server/http/api-route";
import { importMapReply, mapDocumentReply } from "@/lib/server/map/map-document-route";
import * as contract from "./contract";

/** The draft's map: the same as `GET map` on live. */
export const GET = handle(contract.GET)(async ({ actor, params }) =>
  mapDocumentReply({ actor, orgSlug: await draftSlug({ actor, ...params }) }),
);

/** Replaces the draft's map: the same as `PUT map` on live. */
export const PUT = handle(contract.PUT)(async ({ request, actor, params, readBody, readBytes }) =>
  importMapReply({ request, actor, readBody, readBytes, orgSlug: () => draftSlug({ actor, ...params }) }),
);
