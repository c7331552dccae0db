import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canBeStored, shownRef } from "@/lib/validation/map-fields";

export type TPersonRef = { id: string; key: string; name: string };

/**
 * The organisation's person with this id, or else this key; 404 when there is none (a person of another
 * organisation is none). `field` names the request field the reference came from, for the error.
 */
export async function findPerson(
  client: Prisma.TransactionClient,
  { organizationId, ref, field }: { organizationId: string; ref: string; field?: string },
): Promise<TPersonRef> {
  // Text with NUL cannot be stored, so it names nothing (and PostgreSQL would refuse to compare it).
  const rows = !canBeStored(ref)
    ? []
    : await client.person.findMany({
        where: { organizationId, OR: [{ id: ref }, { key: ref }] },
        select: { id: true, key: true, name: true },
        take: 2,
      });
  const person = rows.find((row) => row.id === ref) ?? rows[0];
  if (!person) {
    const message = `There is no person with the id or key "${shownRef(ref)}" in this organisation.`;
    throw new AppError("not_found", message, field ? { [field]: [message] } : undefined);
  }
  return person;
}
