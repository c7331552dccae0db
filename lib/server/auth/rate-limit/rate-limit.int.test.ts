import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { batchedRateLimitStore } from "./batched-store";
import { memoryRateLimitStore, postgresRateLimitStore } from "./rate-limit";
import type { TRateLimitStore } from "./rate-limit-store";

const limit = { bucket: "int-test", limit: 5, windowMs: 60_000 };
const key = () => `key:${randomBytes(6).toString("hex")}`;

describe.each([
  ["PostgreSQL", postgresRateLimitStore],
  ["memory", memoryRateLimitStore()],
  ["batched PostgreSQL", batchedRateLimitStore(postgresRateLimitStore)],
] as [string, TRateLimitStore][])("the %s store", (_name, store) => {
  it("counts concurrent requests exactly, per window, and keeps keys and buckets apart", async () => {
    const now = Date.now();
    const mine = key();
    await Promise.all(Array.from({ length: 40 }, () => store.increment(limit, mine, now)));
    expect(await store.counts(limit, mine, now)).toEqual({ current: 40, previous: 0 });
    // One window later, those requests are the previous window's.
    expect(await store.counts(limit, mine, now + limit.windowMs)).toEqual({ current: 0, previous: 40 });
    expect(await store.increment(limit, mine, now + limit.windowMs)).toEqual({ current: 1, previous: 40 });
    expect(await store.counts(limit, key(), now)).toEqual({ current: 0, previous: 0 });
    expect(await store.counts({ ...limit, bucket: "other" }, mine, now)).toEqual({ current: 0, previous: 0 });
  });

  it("adds several requests at once", async () => {
    const now = Date.now();
    const mine = key();
    await store.increment(limit, mine, now, 5);
    expect(await store.increment(limit, mine, now, 2)).toEqual({ current: 7, previous: 0 });
  });

  it("forgets a key when cleared", async () => {
    const now = Date.now();
    const mine = key();
    await store.increment(limit, mine, now);
    await store.clear(limit, mine);
    expect(await store.counts(limit, mine, now)).toEqual({ current: 0, previous: 0 });
  });
});

describe("the memory store", () => {
  it("drops only counters that no longer count, whatever their bucket's window", async () => {
    const store = memoryRateLimitStore({ maxCounters: 3 });
    const hour = { bucket: "hourly", limit: 5, windowMs: 3_600_000 };
    const minute = { bucket: "minutely", limit: 5, windowMs: 60_000 };
    const now = Date.now();
    await store.increment(hour, "a", now);
    await store.increment(minute, "a", now);
    // Ten minutes later: the minute's counter is long gone, the hour's still counts.
    const later = now + 10 * 60_000;
    for (const key of ["b", "c", "d"]) await store.increment(minute, key, later);
    expect(await store.counts(minute, "a", now)).toEqual({ current: 0, previous: 0 });
    expect(await store.counts(hour, "a", later)).not.toEqual({ current: 0, previous: 0 });
  });
});
