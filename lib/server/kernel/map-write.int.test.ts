import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isTransientConflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { expectJournalMatchesData, holdLock, waitersOf } from "@/lib/server/testing/locks";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { createTeam } from "@/prisma/factories";
import { setJournalContext } from "./journal-context";

// Issue 18: an import, publish, undo or restore holds the organisation's row FOR UPDATE while it reads the map and
// writes it back. A team, slot, duty, person or cell write takes that row in share mode before anything else
// (writeMap), so it queues behind the holder at the organisation's row instead of locking map rows first and
// deadlocking with it. Each test holds the row as an import does, sends a real request, and lets the holder go on
// only once the request is seen waiting for it; the holder then changes the very row the request wants.

const MAP_TABLES = ["team", "slot", "assignment", "person", "duty"];

/** The map tables a waiting backend has already written to (it holds RowExclusiveLock on them). */
async function tablesWrittenBy(pid: number): Promise<string[]> {
  const observer = new Client({ connectionString: getEnv().DATABASE_URL });
  await observer.connect();
  try {
    const { rows } = await observer.query<{ name: string }>(
      `SELECT relation::regclass::text AS name FROM pg_locks
       WHERE pid = $1 AND locktype = 'relation' AND mode = 'RowExclusiveLock' AND relation::regclass::text = ANY($2)`,
      [pid, MAP_TABLES],
    );
    return rows.map((row) => row.name).sort();
  } finally {
    await observer.end();
  }
}

/** Holds the organisation's row as an import does; once released, runs `then` (as the import) and commits. */
function holdLikeImport(organizationId: string, then: (tx: Prisma.TransactionClient) => Promise<void>) {
  return holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${organizationId} FOR UPDATE`, {
    then: async (tx) => {
      await setJournalContext(tx, { actor: "system", action: "map.import" });
      await then(tx);
    },
  });
}

async function worldWithTeam() {
  const world = await createMapWorld();
  const team = await createTeam(db, { organizationId: world.org.id, name: "Checkout", key: "checkout" });
  return { ...world, team };
}

describe.skipIf(process.env.REMIT_EMBEDDED_DATABASE === "1")("entity writes queued behind a map lock", () => {
  it("a team deletion waits at the organisation's row for an import that renames the team: no deadlock, nothing lost", async () => {
    const world = await worldWithTeam();
    const holder = await holdLikeImport(world.org.id, async (tx) => {
      await tx.team.update({ where: { id: world.team.id }, data: { name: "Checkout (imported)" } });
    });
    const deleting = callApi<{ deleted: { id: string; key: string; slots: number } }>(
      "DELETE /api/v1/orgs/[orgSlug]/teams/[teamId]",
      { params: { orgSlug: world.org.slug, teamId: world.team.id }, as: world.as.editor },
    );
    const [deletePid] = await waitersOf(holder.pid, 1);
    // Queued at the organisation's row before it touched the map: nothing of the map is locked by it yet.
    expect(await tablesWrittenBy(deletePid!)).toEqual([]);
    await holder.release();

    const deleted = await deleting;
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toMatchObject({ id: world.team.id, key: "checkout", slots: 2 });
    expect(await db.team.count({ where: { id: world.team.id } })).toBe(0);
    // Both are in the journal, the import's rename first.
    const entries = await db.$queryRaw<{ action: string; name: string | null }[]>`
      SELECT action, coalesce(after, before)->>'name' AS name FROM journal_entry
      WHERE organization_id = ${world.org.id} AND entity = 'team' AND entity_id = ${world.team.id} ORDER BY id`;
    expect(entries.slice(-2)).toEqual([
      { action: "map.import", name: "Checkout (imported)" },
      { action: "team.delete", name: "Checkout (imported)" },
    ]);
    await expectJournalMatchesData(world.org.id);
  });

  it("a duty rename waits for an import that rewrites the duty, then keeps both changes", async () => {
    const world = await worldWithTeam();
    const duty = await db.duty.findFirstOrThrow({ where: { organizationId: world.org.id }, orderBy: { order: "asc" } });
    const holder = await holdLikeImport(world.org.id, async (tx) => {
      await tx.duty.update({ where: { id: duty.id }, data: { description: "Rewritten by the import." } });
    });
    const renaming = callApi<{ duty: { name: string; description: string } }>(
      "PATCH /api/v1/orgs/[orgSlug]/duties/[dutyId]",
      { params: { orgSlug: world.org.slug, dutyId: duty.key }, as: world.as.editor, body: { name: "Renamed duty" } },
    );
    const [renamePid] = await waitersOf(holder.pid, 1);
    expect(await tablesWrittenBy(renamePid!)).toEqual([]);
    await holder.release();

    const renamed = await renaming;
    expect(renamed.status).toBe(200);
    expect(renamed.body.duty).toMatchObject({ name: "Renamed duty", description: "Rewritten by the import." });
    expect(await db.duty.findUniqueOrThrow({ where: { id: duty.id } })).toMatchObject({
      name: "Renamed duty",
      description: "Rewritten by the import.",
    });
    await expectJournalMatchesData(world.org.id);
  });

  it("without the share lock first, the same meeting is a deadlock that PostgreSQL breaks by aborting one side", async () => {
    const world = await worldWithTeam();
    const holder = await holdLikeImport(world.org.id, async (tx) => {
      await tx.team.update({ where: { id: world.team.id }, data: { name: "Checkout (imported)" } });
    });
    // The team deletion as it was before writeMap: rows first; the journal's entry then wants the organisation's row.
    const bare = db.$transaction(async (tx) => {
      await setJournalContext(tx, { actor: "system", action: "team.delete" });
      await tx.team.delete({ where: { id: world.team.id } });
    });
    const [barePid] = await waitersOf(holder.pid, 1);
    expect(await tablesWrittenBy(barePid!)).toContain("team");
    const outcomes = await Promise.allSettled([holder.release(), bare]);

    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
    expect(failures).toHaveLength(1);
    expect(isTransientConflict(failures[0])).toBe(true);
  });
});
