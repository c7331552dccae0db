// Rate limits as a sliding window, approximated from two fixed-window counters: the current window's count plus
// the previous window's count weighted by how much of it still lies inside the sliding window. Exact enough for
// abuse limits, and counting a request is one increment of one counter.

export type TRateLimit = {
  /** What is limited, e.g. "sign-up"; counters of different buckets never mix. */
  bucket: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /**
   * Counted in each app instance and added to the shared counters about once a second rather than once per request:
   * for limits that every API request passes. Across instances such a limit can be exceeded by what the others
   * accept in that second.
   */
  isBatched?: boolean;
};

export type TWindowCounts = { current: number; previous: number };

export type TRateLimitDecision = { isLimited: boolean; retryAfterSeconds: number };

/** The start of the fixed window that holds `now`. */
export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

/** Requests in the sliding window that ends at `now`. */
export function slidingCount({ current, previous }: TWindowCounts, now: number, windowMs: number): number {
  const elapsed = now - windowStart(now, windowMs);
  return current + previous * (1 - elapsed / windowMs);
}

/**
 * Whether one more request would go over the limit, given the counts so far, and if so how long until it would
 * not (assuming no further requests). Whole seconds, at least 1, as Retry-After wants them.
 */
export function decide({ limit, windowMs }: TRateLimit, counts: TWindowCounts, now: number): TRateLimitDecision {
  if (slidingCount(counts, now, windowMs) < limit) return { isLimited: false, retryAfterSeconds: 0 };
  const start = windowStart(now, windowMs);
  let waitMs: number;
  if (counts.current < limit && counts.previous > 0) {
    // Within this window: the previous window's weight must fall until current + previous·w < limit.
    const weight = (limit - counts.current) / counts.previous;
    waitMs = start + windowMs * (1 - weight) - now;
  } else {
    // Next window: this window's count becomes the previous one and fades the same way.
    const weight = counts.current > 0 ? Math.min(1, limit / counts.current) : 1;
    waitMs = start + windowMs + windowMs * (1 - weight) - now;
  }
  // At that moment the count equals the limit; one millisecond later it is below.
  return { isLimited: true, retryAfterSeconds: Math.max(1, Math.ceil((waitMs + 1) / 1000)) };
}
