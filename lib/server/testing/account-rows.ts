// For tests of the account actions (organisations, members, invitations, tokens, sign-in): what they could write.
import { db } from "@/lib/db";

/**
 * Every row an account action could change for these organisations and people: the organisations (and any new one
 * with one of `slugs`, or with one of the people as member), memberships, invitations, API tokens, journal entries,
 * and the users (also any with one of `emails`, or an email at one of `emailDomains`) with their sessions. What a
 * refused action must leave as it was.
 */
export async function accountRows({
  organizationIds,
  userIds,
  slugs = [],
  emails = [],
  emailDomains = [],
}: {
  organizationIds: string[];
  userIds: string[];
  slugs?: string[];
  emails?: string[];
  emailDomains?: string[];
}) {
  const organizationId = { in: organizationIds };
  const users = {
    OR: [
      { id: { in: userIds } },
      { email: { in: emails } },
      ...emailDomains.map((domain) => ({ email: { endsWith: `@${domain}` } })),
    ],
  };
  const orderBy = { id: "asc" } as const;
  return {
    organizations: await db.organization.findMany({
      where: {
        OR: [{ id: organizationId }, { slug: { in: slugs } }, { members: { some: { userId: { in: userIds } } } }],
      },
      orderBy,
    }),
    memberships: await db.membership.findMany({
      where: { OR: [{ organizationId }, { userId: { in: userIds } }] },
      orderBy,
    }),
    invitations: await db.invitation.findMany({ where: { organizationId }, orderBy }),
    tokens: await db.apiToken.findMany({ where: { organizationId }, orderBy }),
    journal: await db.journalEntry.findMany({
      where: { OR: [{ organizationId }, { actorId: { in: userIds } }] },
      orderBy,
    }),
    users: await db.user.findMany({ where: users, orderBy }),
    sessions: await db.userSession.findMany({ where: { user: users }, orderBy }),
  };
}
