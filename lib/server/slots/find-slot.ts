import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canBeStored, shownRef } from "@/lib/validation/map-fields";

export type TSlotRef = { id: string; key: string; role: string };

/**
 * The team's slot with this id, or else this key (slot keys are unique in their team); 404 when the team has none.
 * `field` names the request field the reference came from, for the error.
 */
export async function findSlot(
  client: Prisma.TransactionClient,
  {
    organizationId,
    team,
    ref,
    field,
  }: { organizationId: string; team: { id: string; key: string }; ref: string; field?: string },
): Promise<TSlotRef> {
  // Text with NUL cannot be stored, so it names nothing (and PostgreSQL would refuse to compare it).
  const rows = !canBeStored(ref)
    ? []
    : await client.slot.findMany({
        where: { organizationId, teamId: team.id, OR: [{ id: ref }, { key: ref }] },
        select: { id: true, key: true, role: true },
        take: 2,
      });
  const slot = rows.find((row) => row.id === ref) ?? rows[0];
  if (!slot) {
    const message = `Team "${team.key}" has no slot with the id or key "${shownRef(ref)}".`;
    throw new AppError("not_found", message, field ? { [field]: [message] } : undefined);
  }
  return slot;
}
