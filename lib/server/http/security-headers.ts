// The security headers of every response, built here so that proxy.ts stays a thin adapter and the policy has
// unit tests. No "server-only": proxy.ts imports it.

/** Origins a sign-in form may send the browser to: the configured OAuth providers' sign-in pages. */
export function oauthFormOrigins(env: Record<string, string | undefined>): string[] {
  const origins: string[] = [];
  if (env.AUTH_GITHUB_ID) origins.push("https://github.com");
  if (env.AUTH_GOOGLE_ID) origins.push("https://accounts.google.com");
  if (env.AUTH_OIDC_ISSUER) {
    try {
      origins.push(new URL(env.AUTH_OIDC_ISSUER).origin);
    } catch {
      // lib/env.ts refuses an issuer that is not a URL at start-up; nothing to allow here
    }
  }
  return origins;
}

/**
 * The Content-Security-Policy of a page: scripts run only with this response's nonce (Next.js puts it on its own
 * scripts) or when loaded by such a script; no inline scripts, no plugins, no framing, forms post only to Remit
 * (and to the OAuth providers it signs in with). Styles may be inline: React renders style attributes.
 */
export function contentSecurityPolicy({
  nonce,
  isDevelopment,
  isHttps,
  formOrigins,
}: {
  nonce: string;
  isDevelopment: boolean;
  isHttps: boolean;
  formOrigins: string[];
}): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its debugging aids; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: and blob: for the map's PNG export, which draws the page into an image.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...formOrigins].join(" ")}`,
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** For JSON responses (the API's, and refusals), which are never documents: nothing may load or frame them. */
export const JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every response carries; HSTS only when the site is served over https. */
export function baseSecurityHeaders({ isHttps }: { isHttps: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Whether the browser reached the site over https: directly, through a proxy that says so, or per AUTH_URL. */
export function isHttpsRequest(url: URL, headers: Headers, env: Record<string, string | undefined>): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  if (env.AUTH_URL?.startsWith("https://")) return true;
  return url.protocol === "https:";
}
