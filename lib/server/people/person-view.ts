import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A person as the API shows them: with the slots they hold and the allocations those add up to. */
export type TPersonView = {
  id: string;
  key: string;
  name: string;
  email: string | null;
  capacity: number;
  /** The sum of the allocations of the slots they hold, in full-time equivalents. */
  allocated: number;
  slots: {
    id: string;
    key: string;
    role: string;
    title: string | null;
    allocation: number;
    team: { id: string; key: string; name: string };
  }[];
};

export const PERSON_VIEW_SELECT = {
  id: true,
  key: true,
  name: true,
  email: true,
  capacity: true,
  slots: {
    select: {
      id: true,
      key: true,
      role: true,
      title: true,
      allocation: true,
      team: { select: { id: true, key: true, name: true } },
    },
    orderBy: [{ team: { name: "asc" } }, { order: "asc" }],
  },
} as const satisfies Prisma.PersonSelect;

type TPersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON_VIEW_SELECT }>;

export function toPersonView(person: TPersonRow): TPersonView {
  const allocated = person.slots.reduce((sum, slot) => sum + slot.allocation, 0);
  // Hides floating-point noise such as 0.1 + 0.2, as the analysis does.
  return { ...person, allocated: Math.round(allocated * 1e6) / 1e6 };
}
