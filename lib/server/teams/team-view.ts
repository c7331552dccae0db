import "server-only";
import { compareDuties, type TAssignment } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ASSIGNMENT_CELL_SELECT } from "@/lib/server/kernel/assignment-cell";
import { slotViewSelect, toSortedSlotViews, type TSlotView } from "@/lib/server/kernel/slot-view";

type TTeamFields = { id: string; key: string; name: string; description: string | null; group: string | null };

/** A team in the list: its slots and how many assignments it has. */
export type TTeamSummary = TTeamFields & { slots: TSlotView[]; assignmentCount: number };

/** One team with everything its grid needs: slots in order, and every assignment (by duty, then slot order). */
export type TTeamDetail = TTeamFields & { slots: TSlotView[]; assignments: TAssignment[] };

/** Teams of the organisation with their slots and numbers of assignments (see TAssignmentScope). */
export function teamSummarySelect(organizationId: string) {
  const scope = { organizationId };
  return {
    id: true,
    key: true,
    name: true,
    description: true,
    group: true,
    slots: { select: slotViewSelect(scope) },
    _count: { select: { assignments: { where: scope } } },
  } as const satisfies Prisma.TeamSelect;
}

type TTeamSummaryRow = Prisma.TeamGetPayload<{ select: ReturnType<typeof teamSummarySelect> }>;

export function toTeamSummary({ _count, slots, ...team }: TTeamSummaryRow): TTeamSummary {
  return { ...team, slots: toSortedSlotViews(slots), assignmentCount: _count.assignments };
}

/** The team's detail; the caller has checked that the team belongs to the organisation. */
export async function readTeamDetail(
  client: Prisma.TransactionClient,
  { organizationId, teamId }: { organizationId: string; teamId: string },
): Promise<TTeamDetail> {
  const team = await client.team.findFirstOrThrow({
    where: { id: teamId, organizationId },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      group: true,
      slots: { select: slotViewSelect({ teamId }) },
      assignments: {
        select: { ...ASSIGNMENT_CELL_SELECT, duty: { select: { order: true, key: true } } },
        where: { organizationId },
      },
    },
  });
  const slots = toSortedSlotViews(team.slots);
  const slotRank = new Map(slots.map((slot, rank) => [slot.id, rank]));
  const assignments = team.assignments
    .sort((a, b) => compareDuties(a.duty, b.duty) || slotRank.get(a.slotId)! - slotRank.get(b.slotId)!)
    .map(({ duty: _duty, ...cell }) => cell);
  return { ...team, slots, assignments };
}
