import "server-only";
import { packOverview, type TOverview, type TPackedOverview } from "@/lib/domain/overview";
import type { TActor } from "@/lib/server/auth/actor";
import { getOverview } from "./get-overview";

/** Each snapshot's overview packed once: a snapshot stands until its organisation's map changes. */
const packedByOverview = new WeakMap<TOverview, TPackedOverview>();

/** The overview packed for the page that shows it (see `packOverview`), and when the map behind it was read. */
export async function getPackedOverview(args: {
  actor: TActor | null;
  orgSlug: string;
  /** A past moment: the overview as it was then. */
  at?: Date;
}): Promise<{ overview: TPackedOverview; loadedAt: number }> {
  const { overview, loadedAt } = await getOverview(args);
  let packed = packedByOverview.get(overview);
  if (!packed) {
    packed = packOverview(overview);
    packedByOverview.set(overview, packed);
  }
  return { overview: packed, loadedAt };
}
