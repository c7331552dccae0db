// For tests that compare maps: the same map read or rebuilt in another order.
import type { TRemitMap } from "@/lib/domain/model";

/** A map with every list in a stable order, for comparing two maps built from rows read in different orders. */
export function sortedMap(map: TRemitMap): TRemitMap {
  const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    people: byId(map.people),
    teams: byId(map.teams),
    slots: byId(map.slots),
    duties: byId(map.duties),
    assignments: [...map.assignments].sort((a, b) =>
      `${a.slotId}:${a.dutyId}`.localeCompare(`${b.slotId}:${b.dutyId}`),
    ),
  };
}
