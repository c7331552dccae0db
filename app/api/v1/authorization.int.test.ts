// The authorisation matrix: every /api/v1 route and method, called by every kind of caller. Allowed callers
// succeed; the rest get 401, 403 or 404 with nothing but an error in the body, and the database unchanged.
// A route that exists but is missing here fails the last test, so new routes must be added.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TPermission, TRole } from "@/lib/domain/roles";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { callRoute, sessionCookie, type TCredentials } from "@/lib/server/testing/http";
import { createApiTokenFor, createOrganization, createUser } from "@/prisma/factories";

const ACTORS = [
  "anonymous",
  "owner",
  "manager",
  "viewer",
  "outsider",
  "manager-token",
  "viewer-token",
  "other-org-token",
] as const;
type TActorName = (typeof ACTORS)[number];

// Who may do what, written out here rather than taken from lib/domain/roles.ts, so that a change there that
// widens a permission fails these tests.
const ALLOWED_ROLES: Record<TPermission, TRole[]> = {
  read: ["OWNER", "MANAGER", "VIEWER"],
  edit_map: ["OWNER", "MANAGER"],
  manage_members: ["OWNER"],
  manage_tokens: ["OWNER"],
  delete_organization: ["OWNER"],
};

const ROLE_IN_ORG: Partial<Record<TActorName, TRole>> = {
  owner: "OWNER",
  manager: "MANAGER",
  viewer: "VIEWER",
  "manager-token": "MANAGER",
  "viewer-token": "VIEWER",
};

async function createWorld() {
  const [owner, manager, viewer, outsider] = await Promise.all(
    ["Olivia Owner", "Max Manager", "Vera Viewer", "Otto Outsider"].map((name) => createUser(db, { name })),
  );
  const org = await createOrganization(db, {
    name: "Matrix Org",
    members: [
      { userId: owner!.id, role: "OWNER" },
      { userId: manager!.id, role: "MANAGER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganization(db, { name: "Other Org", members: [{ userId: outsider!.id, role: "OWNER" }] });
  const ownerActor = { kind: "user" as const, userId: owner!.id, email: owner!.email, name: owner!.name };
  const tokens = {
    manager: await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "MANAGER" }),
    viewer: await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "VIEWER" }),
    other: await createApiTokenFor(db, { organizationId: other.id, createdById: outsider!.id, role: "MANAGER" }),
    spare: await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "VIEWER" }),
  };
  const pending = await createInvitation({
    actor: ownerActor,
    orgSlug: org.slug,
    email: `pending-${Date.now()}@example.test`,
    role: "VIEWER",
    origin: "http://remit.test",
  });
  const credentials: Record<TActorName, TCredentials> = {
    anonymous: null,
    owner: { cookie: await sessionCookie(owner!) },
    manager: { cookie: await sessionCookie(manager!) },
    viewer: { cookie: await sessionCookie(viewer!) },
    outsider: { cookie: await sessionCookie(outsider!) },
    "manager-token": { bearer: tokens.manager.secret },
    "viewer-token": { bearer: tokens.viewer.secret },
    "other-org-token": { bearer: tokens.other.secret },
  };
  return {
    owner: owner!,
    manager: manager!,
    viewer: viewer!,
    outsider: outsider!,
    org,
    other,
    ownerActor,
    tokens,
    pending,
    credentials,
  };
}
type TWorld = Awaited<ReturnType<typeof createWorld>>;

type TCall = { params?: Record<string, string>; body?: unknown };
type TEntry = {
  method: string;
  route: string;
  prepare: (world: TWorld) => Promise<TCall> | TCall;
  success: number;
  /** For routes inside an organisation: who may call it. */
  permission?: TPermission;
  /** For the others: the status each caller gets. */
  expected?: Record<TActorName, number>;
};

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const orgParams = (world: TWorld) => ({ orgSlug: world.org.slug });

const MATRIX: TEntry[] = [
  {
    method: "POST",
    route: "/api/v1/signup",
    prepare: () => ({
      body: { name: "New Person", email: `new-${unique()}@example.test`, password: "a fine long passphrase" },
    }),
    success: 201,
    expected: Object.fromEntries(ACTORS.map((actor) => [actor, 201])) as Record<TActorName, number>,
  },
  {
    method: "GET",
    route: "/api/v1/orgs",
    prepare: () => ({}),
    success: 200,
    expected: {
      anonymous: 401,
      owner: 200,
      manager: 200,
      viewer: 200,
      outsider: 200,
      "manager-token": 200,
      "viewer-token": 200,
      "other-org-token": 200,
    },
  },
  {
    method: "POST",
    route: "/api/v1/orgs",
    prepare: () => ({ body: { name: "Created", slug: `created-${unique()}` } }),
    success: 201,
    expected: {
      anonymous: 401,
      owner: 201,
      manager: 201,
      viewer: 201,
      outsider: 201,
      "manager-token": 403,
      "viewer-token": 403,
      "other-org-token": 403,
    },
  },
  {
    method: "POST",
    route: "/api/v1/invitations/[token]/accept",
    prepare: async (world) => {
      const invitation = await createInvitation({
        actor: world.ownerActor,
        orgSlug: world.org.slug,
        email: world.outsider.email,
        role: "VIEWER",
        origin: "http://remit.test",
      });
      return { params: { token: invitation.link.split("/").pop()! } };
    },
    success: 200,
    expected: {
      anonymous: 401,
      owner: 403,
      manager: 403,
      viewer: 403,
      outsider: 200,
      "manager-token": 403,
      "viewer-token": 403,
      "other-org-token": 403,
    },
  },
  {
    method: "GET",
    route: "/api/v1/orgs/[orgSlug]/members",
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "PATCH",
    route: "/api/v1/orgs/[orgSlug]/members/[userId]",
    permission: "manage_members",
    success: 200,
    prepare: (w) => ({ params: { ...orgParams(w), userId: w.viewer.id }, body: { role: "MANAGER" } }),
  },
  {
    method: "DELETE",
    route: "/api/v1/orgs/[orgSlug]/members/[userId]",
    permission: "manage_members",
    success: 204,
    prepare: (w) => ({ params: { ...orgParams(w), userId: w.viewer.id } }),
  },
  {
    method: "GET",
    route: "/api/v1/orgs/[orgSlug]/invitations",
    permission: "manage_members",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: "/api/v1/orgs/[orgSlug]/invitations",
    permission: "manage_members",
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { email: `invitee-${unique()}@example.test`, role: "VIEWER" } }),
  },
  {
    method: "DELETE",
    route: "/api/v1/orgs/[orgSlug]/invitations/[invitationId]",
    permission: "manage_members",
    success: 204,
    prepare: (w) => ({ params: { ...orgParams(w), invitationId: w.pending.id } }),
  },
  {
    method: "GET",
    route: "/api/v1/orgs/[orgSlug]/tokens",
    permission: "manage_tokens",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: "/api/v1/orgs/[orgSlug]/tokens",
    permission: "manage_tokens",
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { name: "Script", role: "VIEWER" } }),
  },
  {
    method: "DELETE",
    route: "/api/v1/orgs/[orgSlug]/tokens/[tokenId]",
    permission: "manage_tokens",
    success: 204,
    prepare: (w) => ({ params: { ...orgParams(w), tokenId: w.tokens.spare.id } }),
  },
];

function expectedStatus(entry: TEntry, actor: TActorName): number {
  if (entry.expected) return entry.expected[actor];
  if (actor === "anonymous") return 401;
  const role = ROLE_IN_ORG[actor];
  if (!role) return 404;
  return ALLOWED_ROLES[entry.permission!].includes(role) ? entry.success : 403;
}

/** Everything a refused request must leave as it was, for both organisations of the world. */
async function snapshot(world: TWorld) {
  const organizationId = { in: [world.org.id, world.other.id] };
  const [organizations, memberships, invitations, tokens, users] = await Promise.all([
    db.organization.findMany({ where: { id: organizationId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, role: true, revokedAt: true, tokenHash: true },
    }),
    db.user.count(),
  ]);
  return { organizations, memberships, invitations, tokens, users };
}

async function loadHandler(route: string, method: string) {
  const file = path.join(process.cwd(), "app", route, "route.ts");
  const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return routeModule[method] as Parameters<typeof callRoute>[0];
}

describe.each(MATRIX)("$method $route", (entry) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const world = await createWorld();
    const call = await entry.prepare(world);
    const handler = await loadHandler(entry.route, entry.method);
    const expected = expectedStatus(entry, actor);
    const before = expected >= 400 ? await snapshot(world) : null;

    const response = await callRoute(handler, { method: entry.method, credentials: world.credentials[actor], ...call });

    expect(response.status, JSON.stringify(response.body)).toBe(expected);
    if (before) {
      expect(Object.keys(response.body as object)).toEqual(["error"]);
      expect(await snapshot(world)).toEqual(before);
    }
  });
});

function* routeFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* routeFiles(full);
    else if (entry.name === "route.ts") yield full;
  }
}

describe("the matrix", () => {
  it("covers every /api/v1 route and method", async () => {
    const appDir = path.join(process.cwd(), "app");
    const found: string[] = [];
    for (const file of routeFiles(path.join(appDir, "api", "v1"))) {
      const route = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
      const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof routeModule[method] === "function") found.push(`${method} ${route}`);
      }
    }
    expect(MATRIX.map((entry) => `${entry.method} ${entry.route}`).sort()).toEqual(found.sort());
  });
});
