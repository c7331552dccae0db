import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MemberRole } from "@/lib/generated/prisma/client";

export type TOrganizationView = {
  id: string;
  slug: string;
  name: string;
  role: MemberRole;
  members: { userId: string; name: string; email: string; role: MemberRole }[];
};

/**
 * The organisation with this slug, as its member `userId` sees it. Throws not_found both when it does not exist
 * and when the user is not a member, so that slugs of other organisations cannot be probed.
 */
export async function getOrganization({ userId, slug }: { userId: string; slug: string }): Promise<TOrganizationView> {
  const membership = await db.membership.findFirst({
    where: { userId, organization: { slug } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership)
    throw new AppError("not_found", "There is no organisation at this address, or you are not a member.");
  const { organization } = membership;
  const members = await db.membership.findMany({
    where: { organizationId: organization.id },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return {
    ...organization,
    role: membership.role,
    members: members.map(({ role, user }) => ({ userId: user.id, name: user.name, email: user.email, role })),
  };
}
