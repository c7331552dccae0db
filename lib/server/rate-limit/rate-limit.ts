import "server-only";
import { db } from "@/lib/db";

export type TRateLimit = { bucket: string; limit: number; windowMs: number };

/**
 * Whether `key` has used up its allowance in the window, and when it may try again. Counted in PostgreSQL so that
 * the limit holds across app instances.
 */
export async function checkRateLimit(
  { bucket, limit, windowMs }: TRateLimit,
  key: string,
): Promise<{ isLimited: boolean; retryAfterSeconds: number }> {
  const since = new Date(Date.now() - windowMs);
  const events = await db.rateLimitEvent.findMany({
    where: { bucket, key, createdAt: { gt: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  if (events.length < limit) return { isLimited: false, retryAfterSeconds: 0 };
  // The window frees a place when the oldest of the last `limit` events leaves it.
  const oldest = events[events.length - 1]!.createdAt.getTime();
  return { isLimited: true, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 1000)) };
}

export async function recordRateLimitEvent({ bucket, windowMs }: TRateLimit, key: string): Promise<void> {
  await db.rateLimitEvent.create({ data: { bucket, key } });
  // Keep the table small: what has left the window no longer counts.
  await db.rateLimitEvent.deleteMany({ where: { bucket, key, createdAt: { lt: new Date(Date.now() - windowMs) } } });
}

export async function clearRateLimit({ bucket }: TRateLimit, key: string): Promise<void> {
  await db.rateLimitEvent.deleteMany({ where: { bucket, key } });
}
