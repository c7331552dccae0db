import "server-only";
import { compareSlots } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAP_SLOT_SELECT, toMapSlot } from "./load-map";

/** A slot as the API shows it: with its holder's name and how many assignments it has. */
export type TSlotView = {
  id: string;
  key: string;
  teamId: string;
  role: string;
  title: string | null;
  holderId: string | null;
  holder: { id: string; key: string; name: string } | null;
  /** ISO 8601; null when no end is planned. */
  holderUntil: string | null;
  nextHolderId: string | null;
  nextHolder: { id: string; key: string; name: string } | null;
  nextHolderFrom: string | null;
  allocation: number;
  order: number;
  assignmentCount: number;
};

/**
 * Where the assignments a view counts are: one team's, or the whole organisation's. Prisma counts a relation with a
 * GROUP BY over the related table filtered only by this `where`: an unfiltered count aggregates every organisation's
 * assignments on every read (found by the one-minute load test, whose PostgreSQL spent 18 ms a request on it once
 * the suite's other organisations had filled the table). ESLint refuses an unfiltered relation count.
 */
export type TAssignmentScope = { teamId: string } | { organizationId: string };

/** A slot with its holder and its number of assignments, counting only `scope`'s (which holds the slot's). */
export function slotViewSelect(scope: TAssignmentScope) {
  return {
    ...MAP_SLOT_SELECT,
    holder: { select: { id: true, key: true, name: true } },
    nextHolder: { select: { id: true, key: true, name: true } },
    _count: { select: { assignments: { where: scope } } },
  } as const satisfies Prisma.SlotSelect;
}

type TSlotRow = Prisma.SlotGetPayload<{ select: ReturnType<typeof slotViewSelect> }>;

export function toSlotView({ _count, ...slot }: TSlotRow): TSlotView {
  return { ...toMapSlot(slot), assignmentCount: _count.assignments };
}

/** Slot views in the team's order (by `order`, then key), as the domain sorts them. */
export function toSortedSlotViews(rows: readonly TSlotRow[]): TSlotView[] {
  return rows.map(toSlotView).sort(compareSlots);
}
