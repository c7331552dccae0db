import "server-only";
import { planSteps, type TPlanStep } from "@/lib/domain/map-plan";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readPlanned } from "@/lib/server/kernel/map-planned";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";

/**
 * What the map at a future moment is made of: the drafts scheduled to publish by then and the terms that end or
 * start by then, in order, each publish with how many conflicts will make it refused (and the plan leave it out).
 * Null when `at` is not to come: the map there is no plan.
 */
export async function getPlan({
  actor,
  orgSlug,
  at,
}: {
  actor: TActor | null;
  orgSlug: string;
  at: Date | undefined;
}): Promise<TPlanStep[] | null> {
  if (at === undefined || at.getTime() <= Date.now()) return null;
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  return planSteps((await readPlanned(organization.id, at, (id) => mapSnapshots.read(id))).steps);
}
