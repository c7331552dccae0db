import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TWindowCounts } from "@/lib/domain/rate-limit";
import { batchedRateLimitStore } from "./batched-store";
import { memoryRateLimitStore } from "./rate-limit";
import type { TRateLimitStore } from "./rate-limit-store";

const SYNC_MS = 1_000;
const limit = { bucket: "api", limit: 100, windowMs: 60_000, isBatched: true };
// The middle of a window, so that a second or two later is still the same window.
const T0 = 1_800_000_000_000 + 20_000;

/** A shared store (the PostgreSQL of several instances) that counts its round trips and can be made to fail. */
function sharedStore() {
  const inner = memoryRateLimitStore();
  const calls = { increment: 0, counts: 0 };
  let isDown = false;
  const store: TRateLimitStore = {
    async increment(...args) {
      calls.increment++;
      if (isDown) throw new Error("connection terminated");
      return inner.increment(...args);
    },
    async counts(...args) {
      calls.counts++;
      if (isDown) throw new Error("connection terminated");
      return inner.counts(...args);
    },
    clear: (...args) => inner.clear(...args),
  };
  return { store, calls, setDown: (down: boolean) => (isDown = down) };
}

async function times(count: number, work: () => Promise<TWindowCounts>): Promise<TWindowCounts[]> {
  const results: TWindowCounts[] = [];
  for (let index = 0; index < count; index++) results.push(await work());
  return results;
}

describe("batchedRateLimitStore", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it("counts the first request in the shared store and later ones locally, then adds them in one round trip", async () => {
    const shared = sharedStore();
    const store = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    const answers = await times(50, () => store.increment(limit, "token:a", Date.now()));
    expect(answers.map((counts) => counts.current)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(shared.calls.increment).toBe(1);
    expect(await shared.store.counts(limit, "token:a", Date.now())).toEqual({ current: 1, previous: 0 });

    await vi.advanceTimersByTimeAsync(SYNC_MS);
    expect(shared.calls.increment).toBe(2);
    expect(await shared.store.counts(limit, "token:a", Date.now())).toEqual({ current: 50, previous: 0 });
    expect(await store.counts(limit, "token:a", Date.now())).toEqual({ current: 50, previous: 0 });
  });

  it("sees what other instances counted within two sync intervals", async () => {
    const shared = sharedStore();
    const first = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    const second = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    await times(30, () => first.increment(limit, "token:a", Date.now()));
    await times(20, () => second.increment(limit, "token:a", Date.now()));
    // Each knows the other's first request (counted at once), not yet the rest.
    expect((await second.counts(limit, "token:a", Date.now())).current).toBe(21);

    // Within two intervals each has added its own requests and read the other's.
    await vi.advanceTimersByTimeAsync(2 * SYNC_MS);
    expect(await first.counts(limit, "token:a", Date.now())).toEqual({ current: 50, previous: 0 });
    expect(await second.counts(limit, "token:a", Date.now())).toEqual({ current: 50, previous: 0 });
  });

  it("reads a check's counts at most once per interval, and its own events at once", async () => {
    const shared = sharedStore();
    const store = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    await times(10, () => store.counts(limit, "ip:1", Date.now()));
    expect(shared.calls.counts).toBe(1);
    await store.increment(limit, "ip:1", Date.now());
    expect(await store.counts(limit, "ip:1", Date.now())).toEqual({ current: 1, previous: 0 });

    vi.setSystemTime(T0 + SYNC_MS + 1);
    await store.counts(limit, "ip:1", Date.now());
    expect(shared.calls.counts).toBe(2);
  });

  it("adds what a window still owes to that window when the next one starts", async () => {
    const shared = sharedStore();
    const store = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    await times(5, () => store.increment(limit, "token:a", Date.now()));
    const nextWindow = T0 + limit.windowMs;
    vi.setSystemTime(nextWindow);
    expect(await store.increment(limit, "token:a", nextWindow)).toEqual({ current: 1, previous: 5 });
    expect(await shared.store.counts(limit, "token:a", nextWindow)).toEqual({ current: 1, previous: 5 });
  });

  it("keeps counts it could not add and adds them once the shared store answers again", async () => {
    const shared = sharedStore();
    const store = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    await times(10, () => store.increment(limit, "token:a", Date.now()));
    shared.setDown(true);
    await vi.advanceTimersByTimeAsync(SYNC_MS);
    expect((await store.counts(limit, "token:a", T0)).current).toBe(10);
    shared.setDown(false);
    await vi.advanceTimersByTimeAsync(SYNC_MS);
    expect(await shared.store.counts(limit, "token:a", Date.now())).toEqual({ current: 10, previous: 0 });
  });

  it("counts concurrent first requests exactly", async () => {
    const shared = sharedStore();
    const store = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    await Promise.all(Array.from({ length: 40 }, () => store.increment(limit, "token:a", Date.now())));
    expect(await store.counts(limit, "token:a", Date.now())).toEqual({ current: 40, previous: 0 });
    await vi.advanceTimersByTimeAsync(SYNC_MS);
    expect(await shared.store.counts(limit, "token:a", Date.now())).toEqual({ current: 40, previous: 0 });
  });

  it("forgets a key when cleared, here and in the shared store", async () => {
    const shared = sharedStore();
    const store = batchedRateLimitStore(shared.store, { syncEveryMs: SYNC_MS });
    await times(3, () => store.increment(limit, "token:a", Date.now()));
    await store.clear(limit, "token:a");
    await vi.advanceTimersByTimeAsync(SYNC_MS);
    expect(await store.counts(limit, "token:a", Date.now())).toEqual({ current: 0, previous: 0 });
    expect(await shared.store.counts(limit, "token:a", Date.now())).toEqual({ current: 0, previous: 0 });
  });
});
