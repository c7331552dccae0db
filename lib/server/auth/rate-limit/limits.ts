import "server-only";
import type { TRateLimit } from "@/lib/domain/rate-limit";
import { getEnv } from "@/lib/env";

const MINUTE = 60_000;

/** Failed sign-ins per account and per network address. */
export const SIGN_IN_FAILURES: TRateLimit = { bucket: "sign-in-failure", limit: 10, windowMs: 15 * MINUTE };

/** Accounts created per network address. */
export const SIGN_UPS: TRateLimit = { bucket: "sign-up", limit: 10, windowMs: 60 * MINUTE };

/** Invitation acceptances tried per user and per network address. */
export const INVITATION_ACCEPTANCES: TRateLimit = { bucket: "invitation-accept", limit: 20, windowMs: 15 * MINUTE };

/** Requests with an unknown or revoked API token per network address: guessing tokens stops here. */
export const API_TOKEN_FAILURES: TRateLimit = {
  bucket: "api-token-failure",
  limit: 30,
  windowMs: 15 * MINUTE,
  isBatched: true,
};

/** Requests per API token per minute (API_RATE_LIMIT_PER_MINUTE, default 1,200); null when turned off. */
export function apiTokenRequests(): TRateLimit | null {
  const limit = getEnv().API_RATE_LIMIT_PER_MINUTE;
  return limit > 0 ? { bucket: "api-token", limit, windowMs: MINUTE, isBatched: true } : null;
}
