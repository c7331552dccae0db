// No "server-only": proxy.ts imports this too.

/**
 * Whether a browser request comes from Remit's own pages: the browser says so (Sec-Fetch-Site), or its Origin
 * names the host it was sent to. Cookie-authenticated writes must, or they could be cross-site request forgery.
 */
export function isSameOrigin(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return true;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const CROSS_SITE_MESSAGE = "This request did not come from Remit's own pages, so it was refused.";
