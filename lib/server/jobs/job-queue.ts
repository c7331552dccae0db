import "server-only";
import { Pool } from "pg";
import { Logger, type LogFunctionFactory, runMigrations, type SharedOptions } from "graphile-worker";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The job queue: graphile-worker's tables in PostgreSQL (schema `graphile_worker`), worked by every app server (see
 * start-job-worker.ts). A job is added in the transaction of the write that wants it, so it exists if and only if
 * that write commits; each due job is taken by one worker (FOR UPDATE SKIP LOCKED), whichever app server that is.
 */

/** A task as the worker sees it: its name, and how to run a job's payload (as stored: checked first). */
export type TRunnableTask = { name: string; runStored: (payload: unknown) => Promise<void> };

/** One kind of job: its name, what its payload must look like, and what running it does. */
export type TTask<TPayload> = TRunnableTask & {
  payload: z.ZodType<TPayload>;
  /** Runs a due job. Throwing makes the queue try again later (at most `maxAttempts` times in all). */
  run: (payload: TPayload) => Promise<void>;
  /**
   * How many times a job of this task runs when it keeps failing (MAX_ATTEMPTS unless said), the queue's back-off
   * between: e^n seconds after the n-th failure, at most e^10 (about 6 h).
   */
  maxAttempts?: number;
  /**
   * Whether failing is part of the task's work (a webhook's receiver is down): its failed attempts are warnings in
   * the log, not errors; the task keeps its own record of them.
   */
  failsByDesign?: boolean;
};

/** The tasks whose failed attempts are warnings (see failsByDesign). */
const failingByDesign = new Set<string>();

/** Declares a task; list it in tasks.ts so that the worker runs it. */
export function defineTask<TPayload>(task: Omit<TTask<TPayload>, "runStored">): TTask<TPayload> {
  if (task.failsByDesign) failingByDesign.add(task.name);
  return {
    ...task,
    runStored: async (stored) => {
      const parsed = task.payload.safeParse(stored);
      // A payload that does not fit cannot run better next time: logged and dropped, not retried.
      if (!parsed.success) console.error(`jobs (${task.name}): dropped a payload that does not fit`, stored);
      else await task.run(parsed.data);
    },
  };
}

/** How many times a job that keeps failing runs, with the queue's exponential back-off between (unless its task says). */
const MAX_ATTEMPTS = 5;

// What the queue says when its database connection drops (a restart, an outage): it retries by itself, as the app's
// own connections do, so this is a notice, not an error.
const CONNECTION_LOST =
  /(Connection terminated|ECONNREFUSED|ECONNRESET|terminating connection|database system is (starting up|shutting down)|connection error and is not queryable)/;
/** Said once per this long, however many of the queue's connections notice the loss and retry meanwhile. */
const CONNECTION_NOTICE_MS = 30_000;
let lastConnectionNotice = 0;

/**
 * Warnings and errors only, prefixed so that they read as Remit's: the queue's info lines are noise in a log. A lost
 * database connection, which the queue retries, is one line saying so.
 */
const logFactory: LogFunctionFactory = (scope) => (level, message) => {
  const task = scope.taskIdentifier ? ` (${scope.taskIdentifier})` : "";
  // A task that fails by design says why in its own words (a receiver's ECONNREFUSED is not the database's).
  // The queue names the task in the scope, or (for a failed job) in the message: "Failed task 7 (name, …".
  const isByDesign = [...failingByDesign].some(
    (name) => scope.taskIdentifier === name || message.includes(`(${name}, `),
  );
  const lost = isByDesign ? null : CONNECTION_LOST.exec(message);
  if (lost && level !== "info" && level !== "debug") {
    if (Date.now() - lastConnectionNotice < CONNECTION_NOTICE_MS) return;
    lastConnectionNotice = Date.now();
    console.warn(`jobs${task}: lost its database connection (${lost[1]}); it reconnects by itself`);
  } else if (level === "error" && !isByDesign) console.error(`jobs${task}: ${message}`);
  else if (level === "error") console.warn(`jobs${task}: ${message.split("\n")[0]}`);
  else if (level === "warning") console.warn(`jobs${task}: ${message}`);
};

/** A connection pool of the queue's own, apart from the app's (Prisma's). */
export function createQueuePool(max: number): Pool {
  const pool = new Pool({ connectionString: getEnv().DATABASE_URL, max, connectionTimeoutMillis: 10_000 });
  // A connection that the server drops (a restart) must not crash the process; the queue reconnects.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

/**
 * What every use of graphile-worker is given. The embedded database is one PostgreSQL backend behind every
 * connection: a named prepared statement made on one connection exists on all, so the queue names none there.
 */
export function queueOptions(pool: Pool): SharedOptions {
  return { pgPool: pool, noPreparedStatements: getEnv().REMIT_EMBEDDED_DATABASE, logger: new Logger(logFactory) };
}

const globalForQueue = globalThis as unknown as { remitJobQueueReady?: Promise<void> };

/** Makes (or brings up to date) the queue's tables, once per process. */
export function ensureJobQueue(): Promise<void> {
  globalForQueue.remitJobQueueReady ??= (async () => {
    const pool = createQueuePool(1);
    try {
      await runMigrations(queueOptions(pool));
    } finally {
      await pool.end();
    }
  })().catch((error: unknown) => {
    globalForQueue.remitJobQueueReady = undefined;
    throw error;
  });
  return globalForQueue.remitJobQueueReady;
}

/**
 * Adds a job to run `task` at `runAt`, in `tx`: it is queued if and only if `tx` commits. `key` names it: a job
 * added with the key of one still waiting replaces it (new moment, new payload).
 */
export async function addJob<TPayload>(
  tx: Prisma.TransactionClient,
  task: TTask<TPayload>,
  payload: TPayload,
  { key, runAt }: { key: string; runAt: Date },
): Promise<void> {
  await ensureJobQueue();
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task.name}, ${JSON.stringify(payload)}::json, run_at => ${runAt}, max_attempts => ${task.maxAttempts ?? MAX_ATTEMPTS},
    job_key => ${key}, job_key_mode => 'replace')`;
}

/**
 * Removes the waiting job named `key`, in `tx`. A job already running finishes: its task checks that it is still
 * wanted, in the transaction that does its work.
 */
export async function removeJob(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await ensureJobQueue();
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${key})`;
}

/**
 * How long a job may stay locked before it counts as its dead worker's. A worker whose app server died (killed, or
 * the machine lost) holds its running job's lock, which graphile-worker itself frees only after four hours; every
 * task of ours ends well within this (a webhook delivery times out after 10 s; a publish of a large map takes
 * seconds), so a lock older than it is freed for another worker to run the job again (at least once, as the queue
 * promises: each task checks under its own lock whether it is still to do).
 */
export const STALE_LOCK_SECONDS = 30;

/** Frees the locks of jobs locked longer than STALE_LOCK_SECONDS (graphile-worker's force_unlock_workers). */
export async function unlockStaleJobs(pool: Pool): Promise<void> {
  await pool.query(
    `SELECT graphile_worker.force_unlock_workers(array_agg(DISTINCT locked_by)) FROM graphile_worker.jobs
     WHERE locked_at < now() - make_interval(secs => $1)`,
    [STALE_LOCK_SECONDS],
  );
}
