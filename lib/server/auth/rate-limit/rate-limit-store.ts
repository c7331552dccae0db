import "server-only";
import type { TRateLimit, TWindowCounts } from "@/lib/domain/rate-limit";

/** Where counters live: PostgreSQL, so that limits hold across app instances, or this process's memory. */
export type TRateLimitStore = {
  /** Adds `amount` (one) to the window of `now` and answers both windows' counts, these requests included. */
  increment(limit: TRateLimit, key: string, now: number, amount?: number): Promise<TWindowCounts>;
  counts(limit: TRateLimit, key: string, now: number): Promise<TWindowCounts>;
  clear(limit: TRateLimit, key: string): Promise<void>;
};
