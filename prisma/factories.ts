// Factories for the seed and for tests. Defaults are unique per call, so tests can run in parallel.
import { randomBytes } from "node:crypto";
import { createDefaultDuties } from "@/lib/domain/duty-catalogue";
import { DEFAULT_ALLOCATION, DEFAULT_CAPACITY, NEW_TEAM_SLOTS, type TRaciLevel } from "@/lib/domain/model";
import type { MemberRole, Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// A client or a transaction: both work.
type TClient = Prisma.TransactionClient;
import { hashPassword } from "@/lib/server/auth/password";
import { hashSecret } from "@/lib/server/auth/secrets";
import { createId } from "@/lib/server/kernel/create-id";
import { setJournalContext } from "@/lib/server/kernel/journal-context";

/**
 * Runs `work` as the system in the journal (seed and test data): in a transaction of its own when given the client,
 * in the caller's when given a transaction.
 */
export function asSystem<T>(db: TClient, work: (tx: TClient) => Promise<T>): Promise<T> {
  const client = db as TClient & Partial<Pick<PrismaClient, "$transaction">>;
  if (!client.$transaction)
    return setJournalContext(db, { actor: "system", action: "system.seed" }).then(() => work(db));
  return client.$transaction(async (tx) => {
    await setJournalContext(tx, { actor: "system", action: "system.seed" });
    return work(tx);
  });
}

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

/** An organisation with the default duty catalogue, as `createOrganization` in lib/server makes one. */
export async function createOrganization(
  db: TClient,
  {
    name = "Test Organisation",
    slug,
    members = [],
  }: { name?: string; slug?: string; members?: { userId: string; role: MemberRole }[] },
) {
  return asSystem(db, (tx) =>
    tx.organization.create({
      data: {
        name,
        slug: slug ?? `org-${uniqueSuffix()}`,
        members: { create: members.map(({ userId, role }) => ({ userId, role })) },
        duties: { create: createDefaultDuties(createId) },
      },
      select: { id: true, slug: true, name: true },
    }),
  );
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

/** A team with the slots a new team gets (a vacant PO and PM) unless `slots` says otherwise. */
export async function createTeam(
  db: TClient,
  {
    organizationId,
    name = "Test Team",
    key,
    description = null,
    slots = NEW_TEAM_SLOTS,
  }: {
    organizationId: string;
    name?: string;
    key?: string;
    description?: string | null;
    slots?: readonly {
      key: string;
      role: string;
      title?: string | null;
      holderId?: string | null;
      allocation?: number;
      order: number;
    }[];
  },
) {
  return asSystem(db, (tx) =>
    tx.team.create({
      data: {
        organizationId,
        name,
        key: key ?? `team-${uniqueSuffix()}`,
        description,
        slots: { create: slots.map((slot) => ({ ...slot, organizationId })) },
      },
      select: {
        id: true,
        key: true,
        name: true,
        slots: { select: { id: true, key: true, role: true }, orderBy: { order: "asc" } },
      },
    }),
  );
}

export async function createPerson(
  db: TClient,
  {
    organizationId,
    name = "Test Person",
    key,
    email = null,
    capacity = DEFAULT_CAPACITY,
  }: { organizationId: string; name?: string; key?: string; email?: string | null; capacity?: number },
) {
  return asSystem(db, (tx) =>
    tx.person.create({
      data: { organizationId, name, key: key ?? `person-${uniqueSuffix()}`, email, capacity },
      select: { id: true, key: true, name: true },
    }),
  );
}

/** A slot at the end of the team (or at `order`). */
export async function createSlot(
  db: TClient,
  {
    organizationId,
    teamId,
    role = "Tech lead",
    key,
    title = null,
    holderId = null,
    allocation = DEFAULT_ALLOCATION,
    order,
  }: {
    organizationId: string;
    teamId: string;
    role?: string;
    key?: string;
    title?: string | null;
    holderId?: string | null;
    allocation?: number;
    order?: number;
  },
) {
  const last = await db.slot.aggregate({ where: { teamId }, _max: { order: true } });
  return asSystem(db, (tx) =>
    tx.slot.create({
      data: {
        organizationId,
        teamId,
        role,
        key: key ?? `slot-${uniqueSuffix()}`,
        title,
        holderId,
        allocation,
        order: order ?? (last._max.order ?? -1) + 1,
      },
      select: { id: true, key: true, role: true },
    }),
  );
}

/** A duty at the end of the catalogue. */
export async function createDuty(
  db: TClient,
  {
    organizationId,
    name = "Test duty",
    key,
    description = "",
    required = true,
  }: { organizationId: string; name?: string; key?: string; description?: string; required?: boolean },
) {
  const last = await db.duty.aggregate({ where: { organizationId }, _max: { order: true } });
  return asSystem(db, (tx) =>
    tx.duty.create({
      data: {
        organizationId,
        name,
        key: key ?? `duty-${uniqueSuffix()}`,
        description,
        required,
        order: (last._max.order ?? -1) + 1,
      },
      select: { id: true, key: true, name: true },
    }),
  );
}

/** One cell of a team's grid; the team is the slot's. */
export async function createAssignment(
  db: TClient,
  {
    organizationId,
    slotId,
    dutyId,
    level = "accountable",
    version = 1,
  }: { organizationId: string; slotId: string; dutyId: string; level?: TRaciLevel; version?: number },
) {
  const slot = await db.slot.findFirstOrThrow({ where: { id: slotId, organizationId }, select: { teamId: true } });
  return asSystem(db, (tx) =>
    tx.assignment.create({
      data: { organizationId, teamId: slot.teamId, slotId, dutyId, level, version },
      select: { teamId: true, dutyId: true, slotId: true, level: true, version: true },
    }),
  );
}
