import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { requireActor, type TOrganizationSummary } from "@/lib/server/auth/authorize";

/** The organisations the caller belongs to, by name; an API token sees only its own. */
export async function listOrganizations({ actor }: { actor: TActor | null }): Promise<TOrganizationSummary[]> {
  const present = requireActor(actor);
  const select = { id: true, slug: true, name: true } as const;
  if (present.kind === "token") {
    const organization = await db.organization.findUnique({ where: { id: present.organizationId }, select });
    return organization ? [{ ...organization, role: present.role }] : [];
  }
  const memberships = await db.membership.findMany({
    // Drafts' workspaces are reached from their organisation, never listed beside it.
    where: { userId: present.userId, organization: { draftOfId: null } },
    select: { role: true, organization: { select } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map(({ role, organization }) => ({ ...organization, role }));
}
