import "server-only";
import { NextRequest } from "next/server";
import { requestOrigin } from "@/lib/server/http/request-origin";

/**
 * The request at the address the browser used, for Auth.js's own endpoints. Next.js gives a route handler the
 * address the server listens on (http://localhost:3000), while Auth.js's sign-in, a server action, builds the
 * provider's callback URL from the Host header. A provider refuses a code whose callback URL differs from the one it
 * sent the browser to, so without AUTH_URL a site reached by its own name could not sign in through any provider.
 */
export function withPublicOrigin(request: NextRequest): NextRequest {
  const origin = requestOrigin(request.headers);
  if (origin === request.nextUrl.origin) return request;
  return new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin), request);
}
