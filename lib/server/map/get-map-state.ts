import "server-only";
import type { TRemitMap } from "@/lib/domain/model";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { loadMap } from "./load-map";

/** The organisation's whole map with ids and versions, as the browser's screens work on it, and when it was read. */
export async function getMapState({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ map: TRemitMap; loadedAt: number }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const loadedAt = Date.now();
  return { map: await loadMap({ organizationId: organization.id }), loadedAt };
}
