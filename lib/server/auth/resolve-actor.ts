import "server-only";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/server/auth/rate-limit/client-address";
import { API_TOKEN_FAILURES, apiTokenRequests } from "@/lib/server/auth/rate-limit/limits";
import { checkRateLimit, consumeRateLimit, recordRateLimitEvent } from "@/lib/server/auth/rate-limit/rate-limit";
import { verifyApiToken } from "@/lib/server/auth/verify-api-token";
import { type TActor, userActor } from "./actor";
import { sessionUser } from "./sessions";
import type { TSessionUser } from "./verify-credentials";

// Auth.js names the cookie with the __Secure- prefix when the site is served over https.
const SESSION_COOKIES = [
  { cookieName: "__Secure-authjs.session-token", secureCookie: true },
  { cookieName: "authjs.session-token", secureCookie: false },
];

/**
 * The user signed in by the session cookie in these headers, or null. The cookie must name a session that is still
 * open: signing out ends it on the server, so a copied cookie stops working too.
 */
export async function sessionUserFromHeaders(headers: Headers): Promise<TSessionUser | null> {
  const secret = getEnv().AUTH_SECRET;
  const cookie = headers.get("cookie");
  for (const { cookieName, secureCookie } of SESSION_COOKIES) {
    if (!cookie?.includes(cookieName)) continue;
    const token = await getToken({ req: { headers }, secret, cookieName, secureCookie, salt: cookieName });
    if (token?.sub && typeof token.sid === "string") return sessionUser({ userId: token.sub, sessionId: token.sid });
  }
  return null;
}

/**
 * Who sent this request: an API token (`Authorization: Bearer …`), else the session cookie's user, else null.
 * A bearer header that is present but wrong is an error, never a silent fall-back to the cookie.
 */
export async function resolveActor(request: Request): Promise<TActor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) {
      throw new AppError("unauthenticated", 'The Authorization header must be "Bearer <API token>".');
    }
    return tokenActor(match[1], clientAddress(request.headers));
  }
  const user = await sessionUserFromHeaders(request.headers);
  return user && userActor(user);
}

/**
 * The actor for an API token, rate limited twice: per network address for unknown or revoked tokens (no guessing),
 * and per token for valid ones (API_RATE_LIMIT_PER_MINUTE).
 */
async function tokenActor(secret: string, ip: string): Promise<TActor> {
  const failureKeys = [`ip:${ip}`];
  const [guessing, verified] = await Promise.allSettled([
    checkRateLimit(API_TOKEN_FAILURES, failureKeys, "Too many requests with unknown API tokens from this network."),
    verifyApiToken({ secret }),
  ]);
  if (guessing.status === "rejected") throw guessing.reason;
  if (verified.status === "rejected") {
    if (verified.reason instanceof AppError && verified.reason.code === "unauthenticated") {
      await recordRateLimitEvent(API_TOKEN_FAILURES, failureKeys);
    }
    throw verified.reason;
  }
  const actor = verified.value;
  const perToken = apiTokenRequests();
  if (perToken && actor.kind === "token") {
    await consumeRateLimit(perToken, [`token:${actor.tokenId}`], "This API token has made too many requests.");
  }
  return actor;
}
