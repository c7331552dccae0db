import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { createUser } from "@/prisma/factories";
import { isForeignKeyViolation, isUniqueViolation } from "./prisma-errors";

// user_session: a table with a foreign key and no journal trigger.
const insertSession = (id: string, userId: string) => Prisma.sql`
  INSERT INTO user_session (id, user_id, expires_at) VALUES (${id}, ${userId}, now() + interval '1 hour')`;

it("recognises a missing row that a write points at, from Prisma, its raw queries and node-postgres", async () => {
  const missingUser = `missing-${randomUUID()}`;
  const refusals = await Promise.all([
    db.userSession.create({ data: { id: randomUUID(), userId: missingUser, expiresAt: new Date() } }).catch((e) => e),
    db.$executeRaw(insertSession(randomUUID(), missingUser)).catch((e: unknown) => e),
    queryRows(insertSession(randomUUID(), missingUser)).catch((e: unknown) => e),
  ]);
  for (const refusal of refusals) {
    expect(isForeignKeyViolation(refusal)).toBe(true);
    expect(isUniqueViolation(refusal)).toBe(false);
  }
});

it("recognises a duplicate from Prisma's raw queries and node-postgres", async () => {
  const user = await createUser(db);
  const id = randomUUID();
  await queryRows(insertSession(id, user.id));
  try {
    const refusals = await Promise.all([
      db.$executeRaw(insertSession(id, user.id)).catch((e: unknown) => e),
      queryRows(insertSession(id, user.id)).catch((e: unknown) => e),
    ]);
    for (const refusal of refusals) expect(isUniqueViolation(refusal)).toBe(true);
  } finally {
    await db.userSession.delete({ where: { id } });
  }
});
