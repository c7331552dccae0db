import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/authorize";
import { json, readJson } from "@/lib/server/http/api-route";
import { exportMap } from "./export-map";
import { importMap, MAP_IMPORT_BODY_LIMIT_BYTES } from "./import-map";

/** `GET map` (live or a draft's): the document, with its fingerprint as the ETag. */
export async function mapDocumentResponse({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }) {
  const { document, fingerprint } = await exportMap({ actor, orgSlug });
  const response = json(document);
  response.headers.set("ETag", `"${fingerprint}"`);
  return response;
}

/** `PUT map` (live or a draft's): imports the body, honouring If-Match. */
export async function importMapResponse({
  request,
  actor,
  orgSlug,
}: {
  request: Request;
  actor: TActor | null;
  orgSlug: () => Promise<string>;
}) {
  // A large body is read only for a caller who is signed in; importMap checks what they may do.
  requireActor(actor);
  const slug = await orgSlug();
  // importMap checks the document itself, so that every problem is reported with its JSON path.
  const input = await readJson(request, z.unknown(), { limit: MAP_IMPORT_BODY_LIMIT_BYTES });
  const ifMatch = readIfMatch(request);
  return json({ imported: await importMap({ actor, orgSlug: slug, input, ifMatch }) });
}

/** The fingerprint in an If-Match header (`"abc…"` or `W/"abc…"`); undefined without one, 400 for a list or `*`. */
function readIfMatch(request: Request): string | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"([0-9a-f]{16})"\s*$/.exec(header);
  if (!match) {
    throw new AppError(
      "invalid_input",
      'If-Match must be one ETag from GET map, like "0123456789abcdef" (with the quotes).',
    );
  }
  return match[1];
}
