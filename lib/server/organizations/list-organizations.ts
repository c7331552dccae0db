import "server-only";
import { db } from "@/lib/db";
import type { MemberRole } from "@/lib/generated/prisma/client";

export type TOrganizationSummary = { id: string; slug: string; name: string; role: MemberRole };

/** The organisations the user belongs to, by name. */
export async function listOrganizations({ userId }: { userId: string }): Promise<TOrganizationSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map(({ role, organization }) => ({ ...organization, role }));
}
