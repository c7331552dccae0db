import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The organisation's Owners, locked until the transaction ends, so that two Owners demoting each other at the
 * same moment cannot leave the organisation with none.
 */
export async function lockOwners(tx: Prisma.TransactionClient, organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id FROM membership WHERE organization_id = ${organizationId} AND role = 'OWNER' FOR UPDATE`;
  return rows.map((row) => row.user_id);
}
