import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A catalogue duty as the API shows it, with how many assignments (in all teams) deleting it would remove. */
export type TDutyView = {
  id: string;
  key: string;
  name: string;
  description: string;
  required: boolean;
  order: number;
  assignmentCount: number;
};

export const DUTY_VIEW_SELECT = {
  id: true,
  key: true,
  name: true,
  description: true,
  required: true,
  order: true,
  _count: { select: { assignments: true } },
} as const satisfies Prisma.DutySelect;

type TDutyRow = Prisma.DutyGetPayload<{ select: typeof DUTY_VIEW_SELECT }>;

export function toDutyView({ _count, ...duty }: TDutyRow): TDutyView {
  return { ...duty, assignmentCount: _count.assignments };
}
