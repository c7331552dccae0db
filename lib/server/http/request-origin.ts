import "server-only";

/** The site's public origin (for links such as invitations): AUTH_URL when set, else what the request says. */
export function requestOrigin(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const protocol = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}
