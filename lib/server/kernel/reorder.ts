import "server-only";
import { moveToPosition } from "@/lib/domain/ordering";

type TOrdered = { id: string; key: string; order: number };

/**
 * What moving row `id` to the 0-based `position` among `rows` (in the order `compare` gives) changes: every row whose
 * `order` is not its new place, with that place, so the rows end up numbered 0..n-1.
 */
export function reorderedRows<T extends TOrdered>(
  rows: readonly T[],
  compare: (a: T, b: T) => number,
  id: string,
  position: number,
): { id: string; order: number }[] {
  const sorted = [...rows].sort(compare);
  const orderOf = new Map(sorted.map((row) => [row.id, row.order]));
  const moved = moveToPosition(
    sorted.map((row) => row.id),
    id,
    position,
  );
  return [...moved.entries()].flatMap(([order, rowId]) => (orderOf.get(rowId) === order ? [] : [{ id: rowId, order }]));
}
