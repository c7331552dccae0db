// Helpers for integration tests that call route handlers as Next.js would.
import { encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { startSession } from "@/lib/server/auth/sessions";

export const TEST_ORIGIN = "http://remit.test";
const SESSION_COOKIE = "authjs.session-token";

/** A session cookie for the user, as Auth.js issues it after signing in, with its session started. */
export async function sessionCookie(user: { id: string; email: string; name: string }): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sid: await startSession(user.id) },
    secret: getEnv().AUTH_SECRET,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

// Each test file calls from an address of its own (modules load once per file), so that rate limits counted by one
// file's requests never refuse another's. A test can pass its own x-forwarded-for.
const TEST_CLIENT_ADDRESS = `198.19.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

export type TCredentials = { cookie?: string; bearer?: string } | null;

/** Calls a route handler with a same-origin request, as a browser on Remit's own pages would send it. */
export async function callRoute<TParams extends Record<string, string> = Record<string, never>>(
  handler: (request: Request, context: { params?: Promise<TParams> }) => Promise<Response>,
  {
    method = "GET",
    path = "/api/v1",
    params,
    body,
    credentials = null,
    headers = {},
  }: {
    method?: string;
    path?: string;
    params?: TParams;
    body?: unknown;
    credentials?: TCredentials;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const requestHeaders = new Headers({
    host: new URL(TEST_ORIGIN).host,
    origin: TEST_ORIGIN,
    "x-forwarded-for": TEST_CLIENT_ADDRESS,
    ...headers,
  });
  if (credentials?.cookie) requestHeaders.set("cookie", credentials.cookie);
  if (credentials?.bearer) requestHeaders.set("authorization", `Bearer ${credentials.bearer}`);
  // A form (an upload) carries its own multipart content type.
  // Bytes (a workbook) carry the content type the test gives.
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Uint8Array)) {
    requestHeaders.set("content-type", "application/json");
  }
  const request = new Request(`${TEST_ORIGIN}${path}`, {
    method,
    headers: requestHeaders,
    body:
      body === undefined
        ? undefined
        : typeof body === "string" || body instanceof FormData || body instanceof Uint8Array
          ? (body as BodyInit)
          : JSON.stringify(body),
  });
  // As Next.js calls it: a route without dynamic segments gets no params at all.
  const response = await handler(request, params ? { params: Promise.resolve(params) } : {});
  // An event stream never ends: take its status and headers, and hang up.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return { status: response.status, body: null, headers: response.headers };
  }
  const contentType = response.headers.get("content-type") ?? "";
  // A file that is not text (a workbook, a PDF) comes back as its bytes.
  if (/^application\/(vnd\.|pdf)/.test(contentType)) {
    return { status: response.status, body: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  }
  const text = await response.text();
  // JSON answers are parsed; others (the CSV export) come back as their text.
  const isJson = contentType.includes("json");
  const parsed = !text ? null : isJson ? (JSON.parse(text) as unknown) : text;
  return { status: response.status, body: parsed, headers: response.headers };
}
