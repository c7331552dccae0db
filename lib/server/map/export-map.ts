import "server-only";
import { documentFingerprint, mapToDocument } from "@/lib/domain/map-document";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import type { TMapDocument } from "@/lib/domain/map-format";
import { loadMap } from "@/lib/server/kernel/load-map";
import { readRules } from "@/lib/server/kernel/read-rules";
import { db } from "@/lib/db";

/**
 * The organisation's map as a remit.map/v1 document, every rule's settings included, in a stable order: exporting
 * twice gives the same bytes. With its fingerprint (the ETag), which an import can send back as If-Match.
 */
export async function exportMap({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ document: TMapDocument; fingerprint: string }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const [map, rules] = await Promise.all([
    loadMap({ organizationId: organization.id }),
    readRules(db, organization.id),
  ]);
  const document = mapToDocument(map, rules);
  return { document, fingerprint: documentFingerprint(document) };
}
