import "server-only";
import { db } from "@/lib/db";
import {
  decide,
  windowStart,
  type TRateLimit,
  type TRateLimitDecision,
  type TWindowCounts,
} from "@/lib/domain/rate-limit";
import { AppError } from "@/lib/errors";

export type { TRateLimit } from "@/lib/domain/rate-limit";

/** Where counters live: PostgreSQL, so that limits hold across app instances, or this process's memory. */
export type TRateLimitStore = {
  /** Adds one to the current window's counter and answers both windows' counts, this request included. */
  increment(limit: TRateLimit, key: string, now: number): Promise<TWindowCounts>;
  counts(limit: TRateLimit, key: string, now: number): Promise<TWindowCounts>;
  clear(limit: TRateLimit, key: string): Promise<void>;
};

// Old windows are deleted now and then rather than on every request.
const PRUNE_EVERY = 200;

export const postgresRateLimitStore: TRateLimitStore = {
  async increment({ bucket, windowMs }, key, now) {
    const current = new Date(windowStart(now, windowMs));
    const previous = new Date(current.getTime() - windowMs);
    const [row] = await db.$queryRaw<{ current: number; previous: number }[]>`
      WITH hit AS (
        INSERT INTO rate_limit_counter (bucket, key, window_start, count) VALUES (${bucket}, ${key}, ${current}, 1)
        ON CONFLICT (bucket, key, window_start) DO UPDATE SET count = rate_limit_counter.count + 1
        RETURNING count)
      SELECT (SELECT count FROM hit) AS current,
             COALESCE((SELECT count FROM rate_limit_counter
                       WHERE bucket = ${bucket} AND key = ${key} AND window_start = ${previous}), 0) AS previous`;
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
    async increment(limit, key, now) {
      const start = windowStart(now, limit.windowMs);
      const counterId = id(limit.bucket, key, start);
      const counter = counters.get(counterId);
      // A window counts while it is the current one and then while it is the previous one.
      if (counter) counter.count++;
      else counters.set(counterId, { count: 1, countsUntil: start + 2 * limit.windowMs });
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

const globalForRateLimit = globalThis as unknown as { remitRateLimitStore?: TRateLimitStore };

function store(): TRateLimitStore {
  globalForRateLimit.remitRateLimitStore ??=
    process.env.REMIT_EMBEDDED_DATABASE === "1" ? memoryRateLimitStore() : postgresRateLimitStore;
  return globalForRateLimit.remitRateLimitStore;
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
    keys.map(async (key) => decide(limit, before(await store().increment(limit, key, now)), now)),
  );
  throwIfLimited(decisions, what);
}

/** Throws rate_limited when any key has used up its allowance, without counting this request. */
export async function checkRateLimit(limit: TRateLimit, keys: string[], what: string, now = Date.now()) {
  const decisions = await Promise.all(
    keys.map(async (key) => decide(limit, await store().counts(limit, key, now), now)),
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
  await Promise.all(keys.map((key) => store().increment(limit, key, now)));
}

export async function clearRateLimit(limit: TRateLimit, key: string): Promise<void> {
  await store().clear(limit, key);
}
