import "server-only";
import { db, queryRows } from "@/lib/db";
import {
  decide,
  windowStart,
  type TRateLimit,
  type TRateLimitDecision,
  type TWindowCounts,
} from "@/lib/domain/rate-limit";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { batchedRateLimitStore } from "./batched-store";
import type { TRateLimitStore } from "./rate-limit-store";

export type { TRateLimit } from "@/lib/domain/rate-limit";

// Old windows are deleted now and then rather than on every request.
const PRUNE_EVERY = 200;

export const postgresRateLimitStore: TRateLimitStore = {
  async increment({ bucket, windowMs }, key, now, amount = 1) {
    const current = new Date(windowStart(now, windowMs));
    const previous = new Date(current.getTime() - windowMs);
    const [row] = await queryRows<{ current: number; previous: number }>(Prisma.sql`
      WITH hit AS (
        INSERT INTO rate_limit_counter (bucket, key, window_start, count)
        VALUES (${bucket}, ${key}, ${current}, ${amount})
        ON CONFLICT (bucket, key, window_start) DO UPDATE SET count = rate_limit_counter.count + ${amount}
        RETURNING count)
      SELECT (SELECT count FROM hit) AS current,
             COALESCE((SELECT count FROM rate_limit_counter
                       WHERE bucket = ${bucket} AND key = ${key} AND window_start = ${previous}), 0) AS previous`);
    if (Math.random() * PRUNE_EVERY < 1) {
      await db.rateLimitCounter.deleteMany({ where: { bucket, windowStart: { lt: previous } } });
    }
    return { current: Number(row!.current), previous: Number(row!.previous) };
  },
  async counts({ bucket, windowMs }, key, now) {
    const current = windowStart(now, windowMs);
    const rows = await db.rateLimitCounter.findMany({
      where: { bucket, key, windowStart: { in: [new Date(current), new Date(current - windowMs)] } },
      select: { windowStart: true, count: true },
    });
    const countAt = (start: number) => rows.find((row) => row.windowStart.getTime() === start)?.count ?? 0;
    return { current: countAt(current), previous: countAt(current - windowMs) };
  },
  async clear({ bucket }, key) {
    await db.rateLimitCounter.deleteMany({ where: { bucket, key } });
  },
};

/**
 * Counters in this process: for the embedded database, which serves one app process anyway. Beyond `maxCounters`,
 * counters whose windows no longer count (older than their bucket's previous window) are dropped.
 */
export function memoryRateLimitStore({ maxCounters = 50_000 }: { maxCounters?: number } = {}): TRateLimitStore {
  const counters = new Map<string, { count: number; countsUntil: number }>();
  const id = (bucket: string, key: string, start: number) => `${bucket}\u0000${key}\u0000${start}`;
  const read = ({ bucket, windowMs }: TRateLimit, key: string, now: number): TWindowCounts => {
    const start = windowStart(now, windowMs);
    return {
      current: counters.get(id(bucket, key, start))?.count ?? 0,
      previous: counters.get(id(bucket, key, start - windowMs))?.count ?? 0,
    };
  };
  return {
    async increment(limit, key, now, amount = 1) {
      const start = windowStart(now, limit.windowMs);
      const counterId = id(limit.bucket, key, start);
      const counter = counters.get(counterId);
      // A window counts while it is the current one and then while it is the previous one.
      if (counter) counter.count += amount;
      else counters.set(counterId, { count: amount, countsUntil: start + 2 * limit.windowMs });
      if (counters.size > maxCounters) {
        for (const [existing, { countsUntil }] of counters) if (countsUntil <= now) counters.delete(existing);
      }
      return read(limit, key, now);
    },
    async counts(limit, key, now) {
      return read(limit, key, now);
    },
    async clear({ bucket }, key) {
      const prefix = `${bucket}\u0000${key}\u0000`;
      for (const existing of counters.keys()) if (existing.startsWith(prefix)) counters.delete(existing);
    },
  };
}

type TStores = { exact: TRateLimitStore; batched: TRateLimitStore };

function inProcessStores(): TStores {
  // The embedded database serves one process: its memory is as shared as counters get, and needs no batching.
  if (getEnv().REMIT_EMBEDDED_DATABASE) {
    const memory = memoryRateLimitStore();
    return { exact: memory, batched: memory };
  }
  return { exact: postgresRateLimitStore, batched: batchedRateLimitStore(postgresRateLimitStore) };
}

const globalForRateLimit = globalThis as unknown as { remitRateLimitStores?: TStores };

/** Where `limit` is counted: in batches when it says so (limits on every API request), else one request at a time. */
function store(limit: TRateLimit): TRateLimitStore {
  globalForRateLimit.remitRateLimitStores ??= inProcessStores();
  const stores = globalForRateLimit.remitRateLimitStores;
  return limit.isBatched ? stores.batched : stores.exact;
}

function before(counts: TWindowCounts): TWindowCounts {
  return { current: counts.current - 1, previous: counts.previous };
}

/** The rate_limited error, with when to retry in words and in Retry-After. */
export function rateLimitedError(what: string, { retryAfterSeconds }: TRateLimitDecision): AppError {
  const wait =
    retryAfterSeconds < 90
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return new AppError("rate_limited", `${what} Wait ${wait} and try again.`, undefined, { retryAfterSeconds });
}

/** Counts one request against each key's limit; throws rate_limited when any key has used up its allowance. */
export async function consumeRateLimit(limit: TRateLimit, keys: string[], what: string, now = Date.now()) {
  const decisions = await Promise.all(
    keys.map(async (key) => decide(limit, before(await store(limit).increment(limit, key, now)), now)),
  );
  throwIfLimited(decisions, what);
}

/** Throws rate_limited when any key has used up its allowance, without counting this request. */
export async function checkRateLimit(limit: TRateLimit, keys: string[], what: string, now = Date.now()) {
  const decisions = await Promise.all(
    keys.map(async (key) => decide(limit, await store(limit).counts(limit, key, now), now)),
  );
  throwIfLimited(decisions, what);
}

function throwIfLimited(decisions: TRateLimitDecision[], what: string) {
  const limited = decisions.filter((decision) => decision.isLimited);
  if (limited.length === 0) return;
  throw rateLimitedError(what, {
    isLimited: true,
    retryAfterSeconds: Math.max(...limited.map((d) => d.retryAfterSeconds)),
  });
}

/** Counts one event (e.g. a failed attempt) against each key, without deciding anything. */
export async function recordRateLimitEvent(limit: TRateLimit, keys: string[], now = Date.now()): Promise<void> {
  await Promise.all(keys.map((key) => store(limit).increment(limit, key, now)));
}

export async function clearRateLimit(limit: TRateLimit, key: string): Promise<void> {
  await store(limit).clear(limit, key);
}
