import "server-only";
import type { TOverview } from "@/lib/domain/overview";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { mapSnapshots } from "./map-snapshot";

/** The organisation overview (see `summarizeOverview`) and when the map behind it was read. */
export async function getOverview({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<{ overview: TOverview; loadedAt: number }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const { overview, loadedAt } = await mapSnapshots.read(organization.id);
  return { overview, loadedAt };
}
