import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/signup/route";
import { POST as createOrganizationRoute } from "@/app/api/v1/orgs/route";
import { GET as listMembersRoute } from "@/app/api/v1/orgs/[orgSlug]/members/route";
import { db } from "@/lib/db";
import { callRoute, sessionCookie } from "@/lib/server/testing/http";
import { createApiTokenFor, createOrganization, createUser } from "@/prisma/factories";

const uniqueEmail = () => `api-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@Example.test`;

describe("POST /api/v1/signup", () => {
  it("creates an account with a lower-cased email and never returns the password", async () => {
    const email = uniqueEmail();
    const response = await callRoute(signUpRoute, {
      method: "POST",
      body: { name: "  Ada  ", email, password: "a long and lovely passphrase" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ user: { id: expect.any(String), name: "Ada", email: email.toLowerCase() } });
  });

  it("returns every field error at once", async () => {
    const response = await callRoute(signUpRoute, {
      method: "POST",
      body: { name: "", email: "nope", password: "short" },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: {
        code: "invalid_input",
        fields: { name: [expect.any(String)], email: [expect.any(String)], password: [expect.any(String)] },
      },
    });
  });

  it("refuses a taken email whatever its case, and weak passwords with a reason", async () => {
    const email = uniqueEmail();
    await callRoute(signUpRoute, {
      method: "POST",
      body: { name: "A", email, password: "a long and lovely passphrase" },
    });
    const taken = await callRoute(signUpRoute, {
      method: "POST",
      body: { name: "B", email: email.toUpperCase(), password: "another long passphrase" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { fields: { email: [expect.stringContaining("already exists")] } } });
    const common = await callRoute(signUpRoute, {
      method: "POST",
      body: { name: "C", email: uniqueEmail(), password: "password123" },
    });
    expect(common.body).toMatchObject({ error: { fields: { password: [expect.stringContaining("too common")] } } });
  });

  it("answers 400 for a body that is not JSON and 413 for one that is too large", async () => {
    expect((await callRoute(signUpRoute, { method: "POST", body: "{not json" })).status).toBe(400);
    const huge = await callRoute(signUpRoute, { method: "POST", body: { name: "x".repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: "payload_too_large" } });
  });
});

describe("cross-site request forgery", () => {
  it("refuses cookie-authenticated writes from another site, and allows them from Remit's pages", async () => {
    const user = await createUser(db);
    const cookie = await sessionCookie(user);
    const body = { name: "Forged", slug: `forged-${Date.now().toString(36)}` };
    const forged = await callRoute(createOrganizationRoute, {
      method: "POST",
      body,
      credentials: { cookie },
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect(await db.organization.count({ where: { slug: body.slug } })).toBe(0);

    const same = await callRoute(createOrganizationRoute, { method: "POST", body, credentials: { cookie } });
    expect(same.status).toBe(201);
  });

  it("lets API tokens write without an Origin header", async () => {
    const owner = await createUser(db);
    const organization = await createOrganization(db, { members: [{ userId: owner.id, role: "OWNER" }] });
    const token = await createApiTokenFor(db, {
      organizationId: organization.id,
      createdById: owner.id,
      role: "VIEWER",
    });
    const response = await callRoute(listMembersRoute, {
      params: { orgSlug: organization.slug },
      credentials: { bearer: token.secret },
      headers: { origin: "" },
    });
    expect(response.status).toBe(200);
  });
});

describe("bearer tokens", () => {
  it("rejects a malformed Authorization header instead of falling back to the cookie", async () => {
    const owner = await createUser(db);
    const organization = await createOrganization(db, { members: [{ userId: owner.id, role: "OWNER" }] });
    const response = await callRoute(listMembersRoute, {
      params: { orgSlug: organization.slug },
      credentials: { cookie: await sessionCookie(owner) },
      headers: { authorization: "Basic abc" },
    });
    expect(response.status).toBe(401);
  });

  it("records when a token was last used", async () => {
    const owner = await createUser(db);
    const organization = await createOrganization(db, { members: [{ userId: owner.id, role: "OWNER" }] });
    const token = await createApiTokenFor(db, {
      organizationId: organization.id,
      createdById: owner.id,
      role: "VIEWER",
    });
    await callRoute(listMembersRoute, {
      params: { orgSlug: organization.slug },
      credentials: { bearer: token.secret },
    });
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { lastUsedAt: true } });
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("NUL characters", () => {
  it("answers 404 for an address with a NUL and 400 for a body with one, never 500", async () => {
    const user = await createUser(db);
    const cookie = await sessionCookie(user);
    const address = await callRoute(listMembersRoute, { params: { orgSlug: "acme\u0000" }, credentials: { cookie } });
    expect(address.status).toBe(404);
    const body = await callRoute(signUpRoute, {
      method: "POST",
      body: { name: "Nul\u0000", email: "nul@example.test", password: "a fine long passphrase" },
    });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({ error: { code: "invalid_input" } });
  });
});
