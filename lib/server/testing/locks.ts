// Locks held on purpose, for tests of writes that meet each other: each interleaving forced by a transaction of the
// test's own that holds a lock the writes need, released once they are seen waiting for it (pg_blocking_pids): no
// sleeps, the same order every run.
import { Client } from "pg";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TJournalRow } from "@/lib/domain/journal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readMapRows } from "@/lib/server/kernel/apply-rows";

/**
 * A transaction that runs `lock` and holds what it locked until `release()`, then runs `then` (more of its writes)
 * and commits; `pid` is its backend, for `waitersOf`.
 */
export async function holdLock(
  lock: Prisma.Sql,
  { then }: { then?: (tx: Prisma.TransactionClient) => Promise<void> } = {},
) {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = (_pid: number) => undefined as void;
  const held = new Promise<number>((resolve) => (holding = resolve));
  const done = db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await tx.$queryRaw(lock);
      holding(row!.pid);
      await released;
      await then?.(tx);
    },
    { timeout: 30_000 },
  );
  const pid = await held;
  return {
    pid,
    /** Lets the holder go on (`then`, then commit), and waits for its locks to be gone. */
    async release() {
      release();
      await done;
    },
  };
}

/**
 * Waits until `count` backends wait for a lock that `pid` holds, or for one held by one of them (the second of
 * two waiting for one row waits for the first); returns them. It looks on a connection of its own:
 * the waiting writes may hold all of the pool's.
 */
export async function waitersOf(pid: number, count: number): Promise<number[]> {
  const observer = new Client({ connectionString: getEnv().DATABASE_URL });
  await observer.connect();
  try {
    let waiting: number[] = [];
    await expect
      .poll(
        async () => {
          const { rows } = await observer.query<{ pid: number }>(
            `WITH RECURSIVE waiting(pid) AS (
               SELECT pid FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))
               UNION SELECT a.pid FROM pg_stat_activity a JOIN waiting w ON w.pid = ANY(pg_blocking_pids(a.pid))
             ) SELECT pid FROM waiting`,
            [pid],
          );
          waiting = rows.map((row) => row.pid);
          return waiting.length;
        },
        { timeout: 10_000 },
      )
      .toBe(count);
    return waiting;
  } finally {
    await observer.end();
  }
}

/** The journal's newest entry for every row the organisation ever had equals the row now (or its absence). */
export async function expectJournalMatchesData(organizationId: string) {
  const rows = await readMapRows(db, organizationId);
  const latest = await db.$queryRaw<{ entity: keyof typeof rows; entity_id: string; after: TJournalRow | null }[]>`
    SELECT DISTINCT ON (entity, entity_id) entity, entity_id, after FROM journal_entry
    WHERE organization_id = ${organizationId} ORDER BY entity, entity_id, id DESC`;
  for (const entry of latest) expect(rows[entry.entity].get(entry.entity_id) ?? null).toEqual(entry.after);
  for (const [entity, byId] of Object.entries(rows)) {
    for (const id of byId.keys()) {
      expect(
        latest.some((entry) => entry.entity === entity && entry.entity_id === id),
        `${entity} ${id}`,
      ).toBe(true);
    }
  }
}
