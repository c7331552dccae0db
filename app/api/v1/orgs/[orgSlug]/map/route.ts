import { z } from "zod";
import { requireActor } from "@/lib/server/auth/authorize";
import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { exportMap } from "@/lib/server/map/export-map";
import { importMap, MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/server/map/import-map";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json(await exportMap({ actor, orgSlug: params.orgSlug })),
);

export const PUT = apiRoute<TParams>(async ({ request, actor, params }) => {
  // A large body is read only for a caller who is signed in; importMap checks what they may do.
  requireActor(actor);
  // importMap checks the document itself, so that every problem is reported with its JSON path.
  const input = await readJson(request, z.unknown(), { limit: MAP_IMPORT_BODY_LIMIT_BYTES });
  return json({ imported: await importMap({ actor, orgSlug: params.orgSlug, input }) });
});
