import "server-only";
import type { TOverview } from "@/lib/domain/overview";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { currentAsOf, readSnapshotAt } from "@/lib/server/kernel/map-snapshot";

/** The organisation overview (see `summarizeOverview`) and the moment it shows (see currentAsOf). */
export async function getOverview({
  actor,
  orgSlug,
  at,
}: {
  actor: TActor | null;
  orgSlug: string;
  /** A past moment: the overview as it was then. */
  at?: Date;
}): Promise<{ overview: TOverview; loadedAt: number }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const snapshot = await readSnapshotAt(organization.id, at);
  return { overview: snapshot.overview, loadedAt: currentAsOf(organization.id, snapshot) };
}
