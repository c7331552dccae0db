// Factories for the seed and for tests. Defaults are unique per call, so tests can run in parallel.
import { randomBytes } from "node:crypto";
import type { MemberRole, Prisma } from "@/lib/generated/prisma/client";

// A client or a transaction: both work.
type TClient = Prisma.TransactionClient;
import { hashPassword } from "@/lib/server/auth/password";

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

export async function createUser(
  db: TClient,
  {
    name = "Test User",
    email,
    password = "correct horse battery staple",
  }: { name?: string; email?: string; password?: string } = {},
) {
  return db.user.create({
    data: {
      name,
      email: (email ?? `user-${uniqueSuffix()}@example.test`).toLowerCase(),
      passwordHash: await hashPassword(password),
    },
    select: { id: true, email: true, name: true },
  });
}

export async function createOrganization(
  db: TClient,
  {
    name = "Test Organisation",
    slug,
    members = [],
  }: { name?: string; slug?: string; members?: { userId: string; role: MemberRole }[] },
) {
  return db.organization.create({
    data: {
      name,
      slug: slug ?? `org-${uniqueSuffix()}`,
      members: { create: members.map(({ userId, role }) => ({ userId, role })) },
    },
    select: { id: true, slug: true, name: true },
  });
}
