// Runs before every page request: refuses cross-site server-action posts, gives each page a fresh CSP
// nonce (Next.js reads it from the request's Content-Security-Policy header and puts it on its own scripts) and
// sets the security headers.
import { NextResponse, type NextRequest } from "next/server";
import {
  JSON_CONTENT_SECURITY_POLICY,
  baseSecurityHeaders,
  contentSecurityPolicy,
  isHttpsRequest,
  oauthFormOrigins,
} from "@/lib/server/http/security-headers";
import { CROSS_SITE_MESSAGE, isSameOrigin } from "@/lib/server/http/same-origin";
import { isOutOfRangeMoment, MOMENT_OUT_OF_RANGE } from "@/lib/domain/journal";

export function proxy(request: NextRequest) {
  const isHttps = isHttpsRequest(request.nextUrl, request.headers, process.env);
  let policy = JSON_CONTENT_SECURITY_POLICY;
  let response: NextResponse;
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request.headers)) {
    // A write to a page is a server action; from another site it is forgery. Next.js would refuse it with a 500.
    response = NextResponse.json({ error: { code: "forbidden", message: CROSS_SITE_MESSAGE } }, { status: 403 });
  } else if (isOutOfRangeMoment(request.nextUrl.searchParams.get("at"))) {
    // A point-in-time view of a year the database cannot hold: refused with the API's message, not a crash.
    response = new NextResponse(MOMENT_OUT_OF_RANGE("at"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    policy = contentSecurityPolicy({
      nonce,
      isDevelopment: process.env.NODE_ENV === "development",
      isHttps,
      formOrigins: oauthFormOrigins(process.env),
    });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ isHttps }))) response.headers.set(name, value);
  return response;
}

// API routes get their (static) headers from next.config.ts: no per-request work on the API's hot path. Only the
// static paths themselves are skipped: /_next/staticfoo or /favicon.icox is a page path like any other.
export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image$|favicon\\.ico$).*)"],
};
