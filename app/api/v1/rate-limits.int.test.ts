// Rate limits at the HTTP edge: sign-in, sign-up, invitation acceptance and API tokens answer 429 with
// Retry-After once used up, and a locked-out address or account cannot get through with good credentials either.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as signInPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as acceptPost } from "@/app/api/v1/invitations/[token]/accept/route";
import { GET as listOrganizations } from "@/app/api/v1/orgs/route";
import { POST as signUpPost } from "@/app/api/v1/signup/route";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import {
  apiTokenRequests,
  INVITATION_ACCEPTANCES,
  SIGN_IN_FAILURES,
  SIGN_UPS,
} from "@/lib/server/auth/rate-limit/limits";
import { recordRateLimitEvent } from "@/lib/server/auth/rate-limit/rate-limit";
import { callRoute, sessionCookie, TEST_ORIGIN } from "@/lib/server/testing/http";
import { createApiTokenFor, createOrganization, createUser } from "@/prisma/factories";

/** A network address of its own for each test, so that one test's requests never count against another's. */
const uniqueIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

function expectRateLimited(response: { status: number; body: unknown; headers: Headers }) {
  expect(response.status).toBe(429);
  expect(response.body).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/Wait \d+/) } });
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

describe("sign-up", () => {
  it(`allows ${SIGN_UPS.limit} accounts per address per hour, then answers 429 and creates nothing`, async () => {
    const ip = uniqueIp();
    // This test's accounts, and only those, end in this.
    const ending = `-${randomBytes(4).toString("hex")}@example.test`;
    const signUp = (index: number) =>
      callRoute(signUpPost, {
        method: "POST",
        path: "/api/v1/signup",
        headers: { "x-forwarded-for": ip },
        body: {
          name: `Rate ${index}`,
          email: `rate-${index}${ending}`,
          password: "a long enough passphrase",
        },
      });
    for (let index = 0; index < SIGN_UPS.limit; index++) expect((await signUp(index)).status).toBe(201);
    expectRateLimited(await signUp(SIGN_UPS.limit));
    expect(await db.user.count({ where: { email: { endsWith: ending } } })).toBe(SIGN_UPS.limit);
    // Another address is not affected.
    const elsewhere = await callRoute(signUpPost, {
      method: "POST",
      path: "/api/v1/signup",
      headers: { "x-forwarded-for": uniqueIp() },
      body: {
        name: "Else",
        email: `else-${randomBytes(4).toString("hex")}@example.test`,
        password: "another passphrase",
      },
    });
    expect(elsewhere.status).toBe(201);
  });
});

describe("sign-in", () => {
  it("answers 429 on Auth.js's credentials endpoint while the account is locked out", async () => {
    const password = "the right long passphrase";
    const user = await createUser(db, { password });
    for (let attempt = 0; attempt < SIGN_IN_FAILURES.limit; attempt++) {
      await expect(signInWithPassword({ email: user.email, password: "wrong", ip: uniqueIp() })).rejects.toThrow();
    }
    const request = new Request(`${TEST_ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": uniqueIp() },
      body: new URLSearchParams({ email: user.email.toUpperCase(), password }),
    });
    const { NextRequest } = await import("next/server");
    const response = await signInPost(new NextRequest(request));
    expectRateLimited({ status: response.status, body: await response.json(), headers: response.headers });
    // Until enough of the failures have slid out of the 15-minute window: how long depends on where in the window
    // they fell.
    expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual((2 * SIGN_IN_FAILURES.windowMs) / 1000);
  });

  it("refuses a body larger than a sign-in form with 413 before reading it", async () => {
    const { NextRequest } = await import("next/server");
    const body = new URLSearchParams({ email: "a@example.test", password: "x".repeat(100_000) }).toString();
    const response = await signInPost(
      new NextRequest(`${TEST_ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
        body,
      }),
    );
    expect(response.status).toBe(413);
  });
});

describe("invitation acceptance", () => {
  it(`allows ${INVITATION_ACCEPTANCES.limit} tries per user, then 429 even for a good link`, async () => {
    const user = await createUser(db);
    const cookie = await sessionCookie(user);
    const accept = (token: string) =>
      callRoute(acceptPost, {
        method: "POST",
        path: `/api/v1/invitations/${token}/accept`,
        params: { token },
        credentials: { cookie },
        headers: { "x-forwarded-for": uniqueIp() },
      });
    for (let attempt = 0; attempt < INVITATION_ACCEPTANCES.limit; attempt++) {
      expect((await accept(randomBytes(16).toString("base64url"))).status).toBe(404);
    }
    expectRateLimited(await accept(randomBytes(16).toString("base64url")));
  });
});

/** A Viewer API token of a new organisation. */
async function viewerToken() {
  const owner = await createUser(db);
  const organization = await createOrganization(db, { members: [{ userId: owner.id, role: "OWNER" }] });
  return createApiTokenFor(db, { organizationId: organization.id, createdById: owner.id, role: "VIEWER" });
}

describe("API tokens", () => {
  it("locks out an address that keeps sending unknown tokens, even when it then sends a valid one", async () => {
    const token = await viewerToken();
    const ip = uniqueIp();
    const list = (bearer: string, from = ip) =>
      callRoute(listOrganizations, {
        path: "/api/v1/orgs",
        credentials: { bearer },
        headers: { "x-forwarded-for": from },
      });
    expect((await list(token.secret)).status).toBe(200);
    for (let attempt = 0; attempt < 30; attempt++) {
      const guess = await list(`remit_${randomBytes(24).toString("base64url")}`);
      expect(guess.status).toBe(401);
    }
    expectRateLimited(await list(`remit_${randomBytes(24).toString("base64url")}`));
    expectRateLimited(await list(token.secret));
    // The token itself still works from elsewhere: only the guessing address waits.
    expect((await list(token.secret, uniqueIp())).status).toBe(200);
  });

  it("limits requests per token per minute", async () => {
    const token = await viewerToken();
    const perToken = apiTokenRequests()!;
    // This minute's allowance, used up as that many requests would, in whichever store the app counts in.
    for (let used = 0; used < perToken.limit; used += 100) {
      const batch = Math.min(100, perToken.limit - used);
      await Promise.all(Array.from({ length: batch }, () => recordRateLimitEvent(perToken, [`token:${token.id}`])));
    }
    const response = await callRoute(listOrganizations, {
      path: "/api/v1/orgs",
      credentials: { bearer: token.secret },
    });
    expectRateLimited(response);
    expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(120);
  });
});
