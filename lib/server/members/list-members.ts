import "server-only";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/domain/roles";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";

export type TMember = { userId: string; name: string; email: string; role: TRole; joinedAt: Date };

/** The organisation's members, by name. Every member may see who else is a member. */
export async function listMembers({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }): Promise<TMember[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const memberships = await db.membership.findMany({
    where: { organizationId: organization.id },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
  });
  return memberships.map(({ role, createdAt, user }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    role,
    joinedAt: createdAt,
  }));
}
