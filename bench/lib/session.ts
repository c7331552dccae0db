// A browser's session for plain HTTP calls: the sign-in form's requests (Auth.js's credentials provider), without a
// browser, for pages timed with fetch.
import type { TBenchUser } from "./organisations";

/** The Cookie header of a signed-in session of `user`. */
export async function sessionCookie(baseUrl: string, user: TBenchUser): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password }),
  });
  const session = signedIn.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  if (!session.some((cookie) => cookie.includes("session-token"))) {
    throw new Error(`Signing in as ${user.email} failed: ${signedIn.status}`);
  }
  return [...cookies, ...session].join("; ");
}
