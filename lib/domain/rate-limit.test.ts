import { describe, expect, it } from "vitest";
import { decide, slidingCount, windowStart } from "./rate-limit";

const MINUTE = 60_000;
const limit = { bucket: "test", limit: 10, windowMs: MINUTE };
// A moment that starts a window, so that offsets read as "this far into the window".
const start = 1_800_000_000_000 - (1_800_000_000_000 % MINUTE);

describe("windowStart", () => {
  it("rounds down to the window that holds the moment", () => {
    expect(windowStart(start, MINUTE)).toBe(start);
    expect(windowStart(start + MINUTE - 1, MINUTE)).toBe(start);
    expect(windowStart(start + MINUTE, MINUTE)).toBe(start + MINUTE);
  });
});

describe("slidingCount", () => {
  it("weighs the previous window by how much of it is still inside the sliding window", () => {
    expect(slidingCount({ current: 3, previous: 8 }, start, MINUTE)).toBe(11);
    expect(slidingCount({ current: 3, previous: 8 }, start + MINUTE / 4, MINUTE)).toBe(9);
    expect(slidingCount({ current: 3, previous: 8 }, start + MINUTE - 1, MINUTE)).toBeCloseTo(3, 3);
  });
});

describe("decide", () => {
  it("allows requests below the limit", () => {
    expect(decide(limit, { current: 9, previous: 0 }, start + 1000)).toEqual({
      isLimited: false,
      retryAfterSeconds: 0,
    });
  });

  it("refuses at the limit and waits for the window to end when this window alone is full", () => {
    // 10 requests in this window, 20 s in: the next window starts in 40 s, and from then on their weight falls.
    expect(decide(limit, { current: 10, previous: 0 }, start + 20_000)).toEqual({
      isLimited: true,
      retryAfterSeconds: 41,
    });
    // Twice the limit: they must weigh less than half, half-way into the next window.
    expect(decide(limit, { current: 20, previous: 0 }, start + 20_000).retryAfterSeconds).toBe(71);
  });

  it("waits only until enough of the previous window has slid out", () => {
    // 5 now and 10 before, 15 s in: 5 + 10·0.75 = 12.5; room for one more once 10·w < 5, just after 30 s in.
    expect(decide(limit, { current: 5, previous: 10 }, start + 15_000)).toEqual({
      isLimited: true,
      retryAfterSeconds: 16,
    });
  });

  it("never answers less than one second", () => {
    const decision = decide(limit, { current: 9, previous: 10 }, start + 53_999);
    expect(decision.isLimited).toBe(true);
    expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("after the wait it names, the same counts are allowed", () => {
    for (const counts of [
      { current: 10, previous: 0 },
      { current: 5, previous: 10 },
      { current: 30, previous: 12 },
      { current: 0, previous: 10 },
    ]) {
      const now = start + 7_000;
      const { retryAfterSeconds } = decide(limit, counts, now);
      const later = now + retryAfterSeconds * 1000;
      // Counts move to "previous" when the window turns over.
      const shifted = windowStart(later, MINUTE) === start ? counts : { current: 0, previous: counts.current };
      expect(decide(limit, shifted, later).isLimited).toBe(false);
    }
  });
});
