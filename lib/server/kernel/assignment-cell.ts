import "server-only";
import type { TAssignment, TRaciLevel } from "@/lib/domain/model";
import type { Prisma } from "@/lib/generated/prisma/client";

/** One cell of a team's grid as the API shows it: a level and its version, or, for an empty cell, null and 0. */
export type TAssignmentCell = Omit<TAssignment, "level"> & { level: TRaciLevel | null };

export const ASSIGNMENT_CELL_SELECT = {
  teamId: true,
  dutyId: true,
  slotId: true,
  level: true,
  version: true,
} as const satisfies Prisma.AssignmentSelect;
