import "server-only";
import { AppError } from "@/lib/errors";
import {
  checkRateLimit,
  clearRateLimit,
  recordRateLimitEvent,
  type TRateLimit,
} from "@/lib/server/rate-limit/rate-limit";
import type { TSignIn } from "@/lib/validation/auth";
import { verifyCredentials, type TSessionUser } from "./verify-credentials";

/** Failed sign-ins allowed per account and per network address before both wait. */
export const SIGN_IN_FAILURES: TRateLimit = { bucket: "sign-in-failure", limit: 10, windowMs: 15 * 60 * 1000 };

/**
 * Signs in with email and password, rate limited per account and per client address.
 * Throws rate_limited (with when to retry) or unauthenticated.
 */
export async function signInWithPassword({ email, password, ip }: TSignIn & { ip: string }): Promise<TSessionUser> {
  const keys = [`email:${email}`, `ip:${ip}`];
  const limits = await Promise.all(keys.map((key) => checkRateLimit(SIGN_IN_FAILURES, key)));
  const limited = limits.filter((limit) => limit.isLimited);
  if (limited.length > 0) {
    const retryAfterSeconds = Math.max(...limited.map((limit) => limit.retryAfterSeconds));
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again.`,
      undefined,
      { retryAfterSeconds },
    );
  }
  const user = await verifyCredentials({ email, password });
  if (!user) {
    await Promise.all(keys.map((key) => recordRateLimitEvent(SIGN_IN_FAILURES, key)));
    throw new AppError("unauthenticated", "That email and password do not match an account.");
  }
  await clearRateLimit(SIGN_IN_FAILURES, keys[0]!);
  return user;
}
