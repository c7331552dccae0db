// The authorisation matrix for server actions. Actions read the session through Next.js and then call one
// lib/server use case with the caller as actor; the use case checks permission. So each action is listed with the
// use case it calls, and that use case is called here as every kind of signed-in caller. A server action that exists
// but is missing here fails the last test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TPermission, TRole } from "@/lib/domain/roles";
import type { TActor } from "@/lib/server/auth/actor";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { filesNamed } from "@/lib/server/testing/files";
import { createApiTokenFor, createOrganization as createOrganizationRow, createUser } from "@/prisma/factories";

const CALLERS = ["anonymous", "owner", "manager", "viewer", "outsider"] as const;
type TCaller = (typeof CALLERS)[number];
// Who may do what, written out here rather than taken from lib/domain/roles.ts, so that a change there that
// widens a permission fails these tests.
const ALLOWED_ROLES: Record<TPermission, TRole[]> = {
  read: ["OWNER", "MANAGER", "VIEWER"],
  edit_map: ["OWNER", "MANAGER"],
  manage_members: ["OWNER"],
  manage_tokens: ["OWNER"],
  delete_organization: ["OWNER"],
};

const ROLE: Partial<Record<TCaller, TRole>> = { owner: "OWNER", manager: "MANAGER", viewer: "VIEWER" };

async function createWorld() {
  const [owner, manager, viewer, outsider] = await Promise.all(
    ["Owner", "Manager", "Viewer", "Outsider"].map((name) => createUser(db, { name })),
  );
  const org = await createOrganizationRow(db, {
    members: [
      { userId: owner!.id, role: "OWNER" },
      { userId: manager!.id, role: "MANAGER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganizationRow(db, { members: [{ userId: outsider!.id, role: "OWNER" }] });
  const actor = (user: typeof owner): TActor => ({
    kind: "user",
    userId: user!.id,
    email: user!.email,
    name: user!.name,
  });
  const actors: Record<TCaller, TActor | null> = {
    anonymous: null,
    owner: actor(owner),
    manager: actor(manager),
    viewer: actor(viewer),
    outsider: actor(outsider),
  };
  const token = await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "VIEWER" });
  const invitation = await createInvitation({
    actor: actors.owner,
    orgSlug: org.slug,
    email: outsider!.email,
    role: "VIEWER",
    origin: "http://remit.test",
  });
  return { owner: owner!, viewer: viewer!, org, other, actors, token, invitation };
}
type TWorld = Awaited<ReturnType<typeof createWorld>>;

type TEntry = {
  action: string;
  run: (world: TWorld, actor: TActor | null) => Promise<unknown>;
  permission?: TPermission;
  expected?: Record<TCaller, "ok" | "unauthenticated" | "forbidden" | "not_found">;
};

const uniqueSlug = () => `act-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const ACTIONS: TEntry[] = [
  {
    action: "app/(app)/orgs/new/actions.ts#createOrganizationAction",
    run: (_world, actor) => createOrganization({ actor, name: "New", slug: uniqueSlug() }),
    expected: { anonymous: "unauthenticated", owner: "ok", manager: "ok", viewer: "ok", outsider: "ok" },
  },
  {
    action: "app/(app)/[orgSlug]/members/actions.ts#inviteMemberAction",
    permission: "manage_members",
    run: (world, actor) =>
      createInvitation({
        actor,
        orgSlug: world.org.slug,
        email: `someone-${uniqueSlug()}@example.test`,
        role: "MANAGER",
        origin: "http://remit.test",
      }),
  },
  {
    action: "app/(app)/[orgSlug]/members/actions.ts#changeMemberRoleAction",
    permission: "manage_members",
    run: (world, actor) =>
      changeMemberRole({ actor, orgSlug: world.org.slug, userId: world.viewer.id, role: "MANAGER" }),
  },
  {
    action: "app/(app)/[orgSlug]/members/actions.ts#removeMemberAction",
    permission: "manage_members",
    run: (world, actor) => removeMember({ actor, orgSlug: world.org.slug, userId: world.viewer.id }),
  },
  {
    action: "app/(app)/[orgSlug]/members/actions.ts#revokeInvitationAction",
    permission: "manage_members",
    run: (world, actor) => revokeInvitation({ actor, orgSlug: world.org.slug, invitationId: world.invitation.id }),
  },
  {
    action: "app/(app)/[orgSlug]/tokens/actions.ts#createApiTokenAction",
    permission: "manage_tokens",
    run: (world, actor) => createApiToken({ actor, orgSlug: world.org.slug, name: "Script", role: "VIEWER" }),
  },
  {
    action: "app/(app)/[orgSlug]/tokens/actions.ts#revokeApiTokenAction",
    permission: "manage_tokens",
    run: (world, actor) => revokeApiToken({ actor, orgSlug: world.org.slug, tokenId: world.token.id }),
  },
  {
    action: "app/(auth)/invitations/[token]/actions.ts#acceptInvitationAction",
    run: (world, actor) => acceptInvitation({ actor, token: world.invitation.link.split("/").pop()!, ip: "192.0.2.1" }),
    // The invitation is for the outsider's email; members with other emails are refused.
    expected: {
      anonymous: "unauthenticated",
      owner: "forbidden",
      manager: "forbidden",
      viewer: "forbidden",
      outsider: "ok",
    },
  },
];

// Actions open to anyone: they only sign in, sign up or sign out, and check the credentials themselves.
const PUBLIC_ACTIONS = [
  "app/(auth)/actions.ts#signInAction",
  "app/(auth)/actions.ts#signUpAction",
  "app/(auth)/actions.ts#signInWithProviderAction",
  "app/(auth)/actions.ts#signOutAction",
];

function expectedOutcome(entry: TEntry, caller: TCaller) {
  if (entry.expected) return entry.expected[caller];
  if (caller === "anonymous") return "unauthenticated";
  const role = ROLE[caller];
  if (!role) return "not_found";
  return ALLOWED_ROLES[entry.permission!].includes(role) ? "ok" : "forbidden";
}

async function snapshot(world: TWorld) {
  const organizationId = { in: [world.org.id, world.other.id] };
  return Promise.all([
    db.organization.count(),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
  ]);
}

describe.each(ACTIONS)("$action", (entry) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const world = await createWorld();
    const expected = expectedOutcome(entry, caller);
    if (expected === "ok") {
      await entry.run(world, world.actors[caller]);
      return;
    }
    const before = await snapshot(world);
    await expect(entry.run(world, world.actors[caller])).rejects.toMatchObject({ code: expected });
    expect(await snapshot(world)).toEqual(before);
  });
});

describe("the action matrix", () => {
  it("covers every exported server action", () => {
    const root = process.cwd();
    const found: string[] = [];
    for (const file of filesNamed(path.join(root, "app"), "actions.ts")) {
      const relative = path.relative(root, file).split(path.sep).join("/");
      for (const match of readFileSync(file, "utf8").matchAll(/export async function (\w+)/g)) {
        found.push(`${relative}#${match[1]}`);
      }
    }
    expect([...ACTIONS.map((entry) => entry.action), ...PUBLIC_ACTIONS].sort()).toEqual(found.sort());
  });
});
