/**
 * A path on this site to send the user to after signing in; "/" for anything else. Absolute and
 * protocol-relative URLs (including "/\evil.example", which browsers read as "//evil.example") are refused,
 * so the sign-in page cannot become an open redirect.
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f]/.test(value)) return "/";
  return value;
}
