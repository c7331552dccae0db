import "server-only";
import { buildStructure, type TStructure } from "@/lib/domain/structure";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";

/** The organisation as a picture's data (see `buildStructure`), as it is or as it was at a past moment. */
export async function getStructure({
  actor,
  orgSlug,
  at,
}: {
  actor: TActor | null;
  orgSlug: string;
  at?: Date;
}): Promise<{ structure: TStructure; loadedAt: number }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { map, analysis, loadedAt } = await readSnapshotAt(organization.id, at);
  return { structure: buildStructure(map, analysis), loadedAt };
}
