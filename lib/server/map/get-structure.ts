import "server-only";
import ELK from "elkjs/lib/elk.bundled.js";
import {
  buildStructure,
  layoutStructure,
  personStructure,
  type TLaidOutNode,
  type TLayout,
  type TStructure,
} from "@/lib/domain/structure";
import { packStructure, type TPackedStructure } from "@/lib/domain/structure-pack";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { currentAsOf, readSnapshotAt, type TMapSnapshot } from "@/lib/server/kernel/map-snapshot";

const elk = new ELK();
/**
 * ELK runs on this thread (elkjs's bundle, without a worker): each group's layout, a few milliseconds, waits for the
 * event loop's turn, so that the first layout of 1,000 teams (about half a second) does not hold up other requests.
 */
const layout: TLayout = async (graph) => {
  await new Promise((resolve) => setImmediate(resolve));
  return elk.layout(graph);
};

/** Group layouts by their cards' sizes (see layoutStructure): a change to one team lays out its group again, no more. */
const GROUP_LAYOUTS_MAX = 20_000;
const groupLayouts = new Map<string, Promise<TLaidOutNode>>();

/** Each snapshot's packed structure, laid out once: a snapshot stands until its organisation's map changes. */
const packedBySnapshot = new WeakMap<TMapSnapshot, Promise<TPackedStructure>>();

async function layOut(structure: TStructure): Promise<TPackedStructure> {
  if (groupLayouts.size > GROUP_LAYOUTS_MAX) groupLayouts.clear();
  return packStructure(structure, await layoutStructure(structure, layout, groupLayouts));
}

/**
 * The organisation as a picture's data (see `buildStructure`) with its layout, packed (see `packStructure`), as it is
 * or as it was (or will be) at `at`; with `personId`, only that person's teams (see `personStructure`).
 */
export async function getStructure({
  actor,
  orgSlug,
  at,
  personId,
}: {
  actor: TActor | null;
  orgSlug: string;
  at?: Date;
  personId?: string;
}): Promise<{ structure: TPackedStructure; loadedAt: number }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const snapshot = await readSnapshotAt(organization.id, at);
  const loadedAt = currentAsOf(organization.id, snapshot);
  const whole = () => buildStructure(snapshot.map, snapshot.analysis);
  if (personId !== undefined) return { structure: await layOut(personStructure(whole(), personId)), loadedAt };
  let packed = packedBySnapshot.get(snapshot);
  if (!packed) {
    packed = layOut(whole());
    packedBySnapshot.set(snapshot, packed);
    packed.catch(() => packedBySnapshot.delete(snapshot));
  }
  return { structure: await packed, loadedAt };
}
