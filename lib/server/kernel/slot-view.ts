import "server-only";
import { compareSlots } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAP_SLOT_SELECT } from "./load-map";

/** A slot as the API shows it: with its holder's name and how many assignments it has. */
export type TSlotView = {
  id: string;
  key: string;
  teamId: string;
  role: string;
  title: string | null;
  holderId: string | null;
  holder: { id: string; key: string; name: string } | null;
  allocation: number;
  order: number;
  assignmentCount: number;
};

export const SLOT_VIEW_SELECT = {
  ...MAP_SLOT_SELECT,
  holder: { select: { id: true, key: true, name: true } },
  _count: { select: { assignments: true } },
} as const satisfies Prisma.SlotSelect;

type TSlotRow = Prisma.SlotGetPayload<{ select: typeof SLOT_VIEW_SELECT }>;

export function toSlotView({ _count, ...slot }: TSlotRow): TSlotView {
  return { ...slot, assignmentCount: _count.assignments };
}

/** Slot views in the team's order (by `order`, then key), as the domain sorts them. */
export function toSortedSlotViews(rows: readonly TSlotRow[]): TSlotView[] {
  return rows.map(toSlotView).sort(compareSlots);
}
