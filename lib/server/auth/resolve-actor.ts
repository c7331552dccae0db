import "server-only";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyApiToken } from "@/lib/server/tokens/verify-api-token";
import type { TActor } from "./actor";
import { getUser } from "./get-user";

// Auth.js names the cookie with the __Secure- prefix when the site is served over https.
const SESSION_COOKIES = [
  { cookieName: "__Secure-authjs.session-token", secureCookie: true },
  { cookieName: "authjs.session-token", secureCookie: false },
];

async function sessionUserId(request: Request): Promise<string | null> {
  const secret = getEnv().AUTH_SECRET;
  for (const { cookieName, secureCookie } of SESSION_COOKIES) {
    if (!request.headers.get("cookie")?.includes(cookieName)) continue;
    const token = await getToken({ req: request, secret, cookieName, secureCookie, salt: cookieName });
    if (token?.sub) return token.sub;
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
    return verifyApiToken({ secret: match[1] });
  }
  const userId = await sessionUserId(request);
  if (!userId) return null;
  const user = await getUser({ userId });
  return user ? { kind: "user", userId: user.id, email: user.email, name: user.name } : null;
}
