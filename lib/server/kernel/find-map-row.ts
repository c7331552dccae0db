import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canBeStored, shownRef } from "@/lib/validation/map-fields";

export type TTeamRef = { id: string; key: string; name: string };

/**
 * The organisation's team with this id, or else this key; 404 when there is none (a team of another organisation
 * is none). `field` names the request field the reference came from, for the error.
 */
export async function findTeam(
  client: Prisma.TransactionClient,
  { organizationId, ref, field }: { organizationId: string; ref: string; field?: string },
): Promise<TTeamRef> {
  // Text with NUL cannot be stored, so it names nothing (and PostgreSQL would refuse to compare it).
  const rows = !canBeStored(ref)
    ? []
    : await client.team.findMany({
        where: { organizationId, OR: [{ id: ref }, { key: ref }] },
        select: { id: true, key: true, name: true },
        take: 2,
      });
  const team = rows.find((row) => row.id === ref) ?? rows[0];
  if (!team) {
    const message = `There is no team with the id or key "${shownRef(ref)}" in this organisation.`;
    throw new AppError("not_found", message, field ? { [field]: [message] } : undefined);
  }
  return team;
}
