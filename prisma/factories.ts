// Factories for the seed and for tests. Defaults are unique per call, so tests can run in parallel.
import { randomBytes } from "node:crypto";
import type { MemberRole, Prisma } from "@/lib/generated/prisma/client";

// A client or a transaction: both work.
type TClient = Prisma.TransactionClient;
import { hashPassword } from "@/lib/server/auth/password";
import { hashSecret } from "@/lib/server/auth/secrets";

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

const DEFAULT_PASSWORD = "correct horse battery staple";
// Hashing is deliberately slow; tests create many users with the default password, so hash it once.
let defaultPasswordHash: Promise<string> | undefined;

function passwordHash(password: string): Promise<string> {
  if (password !== DEFAULT_PASSWORD) return hashPassword(password);
  defaultPasswordHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultPasswordHash;
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
      passwordHash: await passwordHash(password),
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

export async function createApiTokenFor(
  db: TClient,
  {
    organizationId,
    createdById,
    role,
    name = "Test token",
  }: {
    organizationId: string;
    createdById: string;
    role: MemberRole;
    name?: string;
  },
) {
  const secret = `remit_test_${uniqueSuffix()}${randomBytes(16).toString("hex")}`;
  const token = await db.apiToken.create({
    data: { organizationId, createdById, role, name, tokenHash: hashSecret(secret), prefix: secret.slice(0, 14) },
    select: { id: true },
  });
  return { id: token.id, secret };
}
