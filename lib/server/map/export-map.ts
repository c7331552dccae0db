import "server-only";
import { documentFingerprint, mapToDocument } from "@/lib/domain/map-document";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import type { TMapDocument } from "@/lib/domain/map-format";
import { loadMap } from "@/lib/server/kernel/load-map";

/**
 * The organisation's map as a remit.map/v1 document, in a stable order: exporting twice gives the same bytes. With
 * its fingerprint (the ETag), which an import can send back as If-Match.
 */
export async function exportMap({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ document: TMapDocument; fingerprint: string }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const document = mapToDocument(await loadMap({ organizationId: organization.id }));
  return { document, fingerprint: documentFingerprint(document) };
}
