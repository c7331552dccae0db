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

/** A duty with its number of assignments, counting the organisation's only (see TAssignmentScope). */
export function dutyViewSelect(organizationId: string) {
  return {
    id: true,
    key: true,
    name: true,
    description: true,
    required: true,
    order: true,
    _count: { select: { assignments: { where: { organizationId } } } },
  } as const satisfies Prisma.DutySelect;
}

type TDutyRow = Prisma.DutyGetPayload<{ select: ReturnType<typeof dutyViewSelect> }>;

export function toDutyView({ _count, ...duty }: TDutyRow): TDutyView {
  return { ...duty, assignmentCount: _count.assignments };
}
