import "server-only";
import { run, runOnce, type Runner, type TaskList } from "graphile-worker";
import {
  createQueuePool,
  ensureJobQueue,
  queueOptions,
  STALE_LOCK_SECONDS,
  type TRunnableTask,
  unlockStaleJobs,
} from "./job-queue";
import { EVERY_WRITES_TASKS, ON_START, SWEEPS, TASKS } from "./tasks";

// A job whose moment has come is found within this long when no notification says so (the embedded database
// delivers none between connections; on PostgreSQL a job added for now wakes a worker at once).
const POLL_INTERVAL_MS = 1_000;
// Scheduled publishes and (later) notifications are few and short; one at a time per app server is plenty.
const CONCURRENCY = 2;
// How long to wait before trying again when the database cannot be reached at start.
const RETRY_START_MS = 5_000;

function taskList(tasks: readonly TRunnableTask[]): TaskList {
  return Object.fromEntries(tasks.map((task) => [task.name, (payload: unknown) => task.runStored(payload)]));
}

const globalForWorker = globalThis as unknown as { remitJobWorker?: Promise<Runner | null> };

async function startOnce(): Promise<Runner> {
  await ensureJobQueue();
  for (const catchUp of ON_START) await catchUp();
  // The worker listens on one connection and takes and completes jobs on the others.
  const pool = createQueuePool(3);
  const runner = await run({
    ...queueOptions(pool),
    taskList: taskList(TASKS),
    concurrency: CONCURRENCY,
    pollInterval: POLL_INTERVAL_MS,
    // Next.js ends the process on SIGTERM; the worker's own handlers would race it.
    noHandleSignals: true,
  });
  // Jobs a dead app server's worker left locked run again soon, not after graphile-worker's four hours; and the
  // features' sweeps.
  const sweep = () => {
    void unlockStaleJobs(pool).catch(() => undefined);
    for (const featureSweep of SWEEPS) void featureSweep().catch(() => undefined);
  };
  sweep();
  const sweeping = setInterval(sweep, (STALE_LOCK_SECONDS * 1000) / 2);
  sweeping.unref();
  void runner.promise.finally(() => {
    clearInterval(sweeping);
    return pool.end().catch(() => undefined);
  });
  return runner;
}

/**
 * Starts this app server's worker (instrumentation.ts calls it once at start): it works every due job, those that
 * fell due while no app server ran included, alongside the other app servers' workers. A database that cannot be
 * reached is tried again until it can.
 */
export function startJobWorker(): Promise<Runner | null> {
  globalForWorker.remitJobWorker ??= (async () => {
    for (;;) {
      try {
        return await startOnce();
      } catch (error) {
        console.error(`jobs: the worker could not start, trying again in ${RETRY_START_MS / 1000} s:`, error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_START_MS));
      }
    }
  })();
  return globalForWorker.remitJobWorker;
}

/**
 * Works every job due now in this process and returns when none is left: for tests. The jobs that every write queues
 * (flag events) stay queued: in a test database they are every other test's too (their tests run them directly).
 */
export async function runDueJobs(): Promise<void> {
  await ensureJobQueue();
  const pool = createQueuePool(2);
  const tasks = TASKS.filter((task) => !EVERY_WRITES_TASKS.includes(task));
  try {
    await runOnce({ ...queueOptions(pool), taskList: taskList(tasks), noHandleSignals: true });
  } finally {
    await pool.end();
  }
}
