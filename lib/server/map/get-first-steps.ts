import "server-only";
import { firstSteps, type TFirstStep } from "@/lib/domain/first-steps";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";

/** How far the organisation's map is set up (see `firstSteps`), from the map as it is now. */
export async function getFirstSteps({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<TFirstStep[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { map } = await readSnapshotAt(organization.id, undefined);
  return firstSteps(map);
}
