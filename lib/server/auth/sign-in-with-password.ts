import "server-only";
import { AppError } from "@/lib/errors";
import { SIGN_IN_FAILURES } from "@/lib/server/auth/rate-limit/limits";
import { checkRateLimit, clearRateLimit, recordRateLimitEvent } from "@/lib/server/auth/rate-limit/rate-limit";
import type { TSignIn } from "@/lib/validation/auth";
import { verifyCredentials, type TSessionUser } from "./verify-credentials";

/** The keys whose failed sign-ins count: the account and the network address. */
export function signInKeys({ email, ip }: { email: string; ip: string }): string[] {
  return [`email:${email}`, `ip:${ip}`];
}

/** Throws rate_limited when the account or the address has failed to sign in too often lately. */
export function assertSignInAllowed(keys: string[]): Promise<void> {
  return checkRateLimit(SIGN_IN_FAILURES, keys, "Too many failed sign-ins for this account or network.");
}

/**
 * Signs in with email and password, rate limited per account and per client address.
 * Throws rate_limited (with when to retry) or unauthenticated.
 */
export async function signInWithPassword({ email, password, ip }: TSignIn & { ip: string }): Promise<TSessionUser> {
  const keys = signInKeys({ email, ip });
  await assertSignInAllowed(keys);
  const user = await verifyCredentials({ email, password });
  if (!user) {
    await recordRateLimitEvent(SIGN_IN_FAILURES, keys);
    throw new AppError("unauthenticated", "That email and password do not match an account.");
  }
  await clearRateLimit(SIGN_IN_FAILURES, keys[0]!);
  return user;
}
