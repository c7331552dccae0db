import "server-only";
import { windowStart, type TRateLimit, type TWindowCounts } from "@/lib/domain/rate-limit";
import type { TRateLimitStore } from "./rate-limit-store";

type TLocalCounter = {
  limit: TRateLimit;
  key: string;
  /** The fixed window that `shared`, `pending` and `adding` count in. */
  start: number;
  /** Both windows' counts as the shared store last answered them. */
  shared: TWindowCounts;
  /** Counted here, not yet added to the shared store. */
  pending: number;
  /** Being added to the shared store right now. */
  adding: number;
  /** When `shared` was read. */
  syncedAt: number;
  flushTimer: ReturnType<typeof setTimeout> | null;
};

const DEFAULT_SYNC_EVERY_MS = 1_000;

/**
 * Counters kept in this process and added to a shared store (PostgreSQL) in batches: at most one round trip per key
 * every `syncEveryMs` instead of one per request, for limits that every API request passes. The first request of a
 * key, of a new window, or after a quiet spell is counted in the shared store at once, so a limit another instance
 * has used up is seen within `syncEveryMs`; the price is that, across instances, a limit can be exceeded by what the
 * others accept in that time. Counts not yet added when the process stops are lost (at most `syncEveryMs`' worth).
 */
export function batchedRateLimitStore(
  shared: TRateLimitStore,
  { maxCounters = 50_000, syncEveryMs = DEFAULT_SYNC_EVERY_MS }: { maxCounters?: number; syncEveryMs?: number } = {},
): TRateLimitStore {
  const counters = new Map<string, TLocalCounter>();
  const id = (bucket: string, key: string) => `${bucket}\u0000${key}`;
  const view = (counter: TLocalCounter): TWindowCounts => ({
    current: counter.shared.current + counter.adding + counter.pending,
    previous: counter.shared.previous,
  });
  const isFresh = (counter: TLocalCounter | undefined, start: number, now: number): counter is TLocalCounter =>
    counter !== undefined && counter.start === start && Math.abs(now - counter.syncedAt) < syncEveryMs;

  /** Adds what is pending to the shared store, in its window; on failure it stays pending for the next try. */
  async function flush(counter: TLocalCounter): Promise<void> {
    if (counter.flushTimer) clearTimeout(counter.flushTimer);
    counter.flushTimer = null;
    const { pending: amount, start } = counter;
    if (amount === 0) return;
    counter.pending -= amount;
    counter.adding += amount;
    try {
      const counts = await shared.increment(counter.limit, counter.key, start, amount);
      if (counter.start === start) {
        counter.shared = counts;
        counter.syncedAt = Date.now();
      }
    } catch (error) {
      counter.pending += amount;
      throw error;
    } finally {
      counter.adding -= amount;
    }
  }

  function scheduleFlush(counter: TLocalCounter): void {
    if (counter.flushTimer) return;
    counter.flushTimer = setTimeout(() => {
      counter.flushTimer = null;
      flush(counter).catch(() => scheduleFlush(counter));
    }, syncEveryMs);
    counter.flushTimer.unref?.();
  }

  /** Makes room: drops counters of windows that have ended and owe the shared store nothing. */
  function prune(now: number): void {
    if (counters.size <= maxCounters) return;
    for (const [counterId, counter] of counters) {
      const owes = counter.pending + counter.adding > 0;
      if (!owes && counter.start + counter.limit.windowMs <= now) counters.delete(counterId);
    }
  }

  /**
   * A key's counter brought up to date by a round trip to the shared store (`read`, which may also count this
   * request). What the counter still owes an older window is added to that window first.
   */
  async function resync(
    limit: TRateLimit,
    key: string,
    now: number,
    read: () => Promise<TWindowCounts>,
  ): Promise<TLocalCounter> {
    const start = windowStart(now, limit.windowMs);
    const existing = counters.get(id(limit.bucket, key));
    if (existing && existing.start !== start) {
      await flush(existing);
      if (existing.start !== start) Object.assign(existing, { start, shared: { current: 0, previous: 0 } });
    }
    const counts = await read();
    // Another request's round trip may have made the counter meanwhile; counts only grow within a window.
    const counter = counters.get(id(limit.bucket, key));
    if (!counter) {
      const created = { limit, key, start, shared: counts, pending: 0, adding: 0, syncedAt: now, flushTimer: null };
      counters.set(id(limit.bucket, key), created);
      prune(now);
      return created;
    }
    if (counter.start === start) {
      counter.shared = {
        current: Math.max(counter.shared.current, counts.current),
        previous: Math.max(counter.shared.previous, counts.previous),
      };
      counter.syncedAt = now;
    }
    return counter;
  }

  return {
    async increment(limit, key, now, amount = 1) {
      const start = windowStart(now, limit.windowMs);
      const counter = counters.get(id(limit.bucket, key));
      if (isFresh(counter, start, now)) {
        counter.pending += amount;
        scheduleFlush(counter);
        return view(counter);
      }
      return view(await resync(limit, key, now, () => shared.increment(limit, key, now, amount)));
    },
    async counts(limit, key, now) {
      const start = windowStart(now, limit.windowMs);
      const counter = counters.get(id(limit.bucket, key));
      if (isFresh(counter, start, now)) return view(counter);
      return view(await resync(limit, key, now, () => shared.counts(limit, key, now)));
    },
    async clear(limit, key) {
      const counter = counters.get(id(limit.bucket, key));
      if (counter?.flushTimer) clearTimeout(counter.flushTimer);
      counters.delete(id(limit.bucket, key));
      await shared.clear(limit, key);
    },
  };
}
