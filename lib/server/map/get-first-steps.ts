import "server-only";
import { firstSteps, type TFirstStep } from "@/lib/domain/first-steps";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readSnapshotAt } from "@/lib/server/kernel/map-snapshot";
import type { TRemitMap } from "@/lib/domain/model";

/** Each snapshot's steps, worked out once (a pass over every slot and cell): a snapshot stands until the map changes. */
const stepsByMap = new WeakMap<TRemitMap, TFirstStep[]>();

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
  let steps = stepsByMap.get(map);
  if (!steps) {
    steps = firstSteps(map);
    stepsByMap.set(map, steps);
  }
  return steps;
}
