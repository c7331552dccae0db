import "server-only";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import type { TMapDocument } from "@/lib/validation/map";
import { loadMap } from "./load-map";

/** The organisation's map as a remit.map/v1 document, in a stable order: exporting twice gives the same bytes. */
export async function exportMap({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }): Promise<TMapDocument> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  return mapToDocument(await loadMap({ organizationId: organization.id }));
}
