import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createQueuePool, ensureJobQueue, unlockStaleJobs } from "./job-queue";

describe("unlockStaleJobs", () => {
  const pool = createQueuePool(1);
  beforeAll(() => ensureJobQueue());
  afterAll(() => pool.end());

  const lockState = async (key: string) =>
    (
      await db.$queryRaw<{ locked_by: string | null }[]>`SELECT locked_by FROM graphile_worker.jobs WHERE key = ${key}`
    )[0]?.locked_by;

  it("frees a job a dead worker left locked for longer than a task can run, and no job locked just now", async () => {
    const suffix = `${Date.now()}-${Math.random()}`;
    const [stale, fresh] = [`test.stale:${suffix}`, `test.fresh:${suffix}`];
    for (const key of [stale, fresh]) {
      await db.$executeRaw`SELECT graphile_worker.add_job('test.none', '{}'::json, run_at => now() + interval '1 hour',
        job_key => ${key})`;
    }
    // As a worker would lock them: one two minutes ago (its server since killed), one now.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs AS j SET locked_by = ${`dead-${suffix}`},
      locked_at = now() - interval '2 minutes' WHERE j.key = ${stale}`;
    await db.$executeRaw`UPDATE graphile_worker._private_jobs AS j SET locked_by = ${`busy-${suffix}`},
      locked_at = now() WHERE j.key = ${fresh}`;
    await unlockStaleJobs(pool);
    expect(await lockState(stale)).toBeNull();
    expect(await lockState(fresh)).toBe(`busy-${suffix}`);
  });
});
