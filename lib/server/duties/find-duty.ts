import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canBeStored, shownRef } from "@/lib/validation/map-fields";

export type TDutyRef = { id: string; key: string; name: string };

/**
 * The organisation's duty with this id, or else this key; 404 when there is none (a duty of another organisation
 * is none). `field` names the request field the reference came from, for the error.
 */
export async function findDuty(
  client: Prisma.TransactionClient,
  { organizationId, ref, field }: { organizationId: string; ref: string; field?: string },
): Promise<TDutyRef> {
  // Text with NUL cannot be stored, so it names nothing (and PostgreSQL would refuse to compare it).
  const rows = !canBeStored(ref)
    ? []
    : await client.duty.findMany({
        where: { organizationId, OR: [{ id: ref }, { key: ref }] },
        select: { id: true, key: true, name: true },
        take: 2,
      });
  const duty = rows.find((row) => row.id === ref) ?? rows[0];
  if (!duty) {
    const message = `There is no duty with the id or key "${shownRef(ref)}" in this organisation.`;
    throw new AppError("not_found", message, field ? { [field]: [message] } : undefined);
  }
  return duty;
}
