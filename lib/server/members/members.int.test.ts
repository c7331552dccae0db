import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { createOrganization, createUser } from "@/prisma/factories";
import { changeMemberRole } from "./change-member-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

function asActor(user: { id: string; email: string; name: string }): TActor {
  return { kind: "user", userId: user.id, email: user.email, name: user.name };
}

async function organizationWith(roles: ("OWNER" | "MANAGER" | "VIEWER")[]) {
  const users = await Promise.all(roles.map((_, index) => createUser(db, { name: `Member ${index}` })));
  const organization = await createOrganization(db, {
    members: users.map((user, index) => ({ userId: user.id, role: roles[index]! })),
  });
  return { organization, users };
}

describe("members", () => {
  it("lists the organisation's members with their roles", async () => {
    const { organization, users } = await organizationWith(["OWNER", "VIEWER"]);
    const members = await listMembers({ actor: asActor(users[1]!), orgSlug: organization.slug });
    expect(members.map(({ userId, role }) => ({ userId, role }))).toEqual([
      { userId: users[0]!.id, role: "OWNER" },
      { userId: users[1]!.id, role: "VIEWER" },
    ]);
  });

  it("keeps the last Owner: neither demoted nor removed", async () => {
    const { organization, users } = await organizationWith(["OWNER", "MANAGER"]);
    const owner = asActor(users[0]!);
    const args = { actor: owner, orgSlug: organization.slug, userId: users[0]!.id };
    await expect(changeMemberRole({ ...args, role: "MANAGER" })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(args)).rejects.toMatchObject({ code: "conflict" });
    expect((await authorize({ actor: owner, orgSlug: organization.slug, permission: "manage_members" })).role).toBe(
      "OWNER",
    );
  });

  it("lets one of two Owners who demote each other at the same moment succeed, never both", async () => {
    const { organization, users } = await organizationWith(["OWNER", "OWNER"]);
    const [first, second] = [users[0]!, users[1]!];
    const results = await Promise.allSettled([
      changeMemberRole({ actor: asActor(first), orgSlug: organization.slug, userId: second.id, role: "VIEWER" }),
      changeMemberRole({ actor: asActor(second), orgSlug: organization.slug, userId: first.id, role: "VIEWER" }),
    ]);
    const owners = await db.membership.count({ where: { organizationId: organization.id, role: "OWNER" } });
    expect(owners).toBe(1);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("ends a removed member's access at their next request", async () => {
    const { organization, users } = await organizationWith(["OWNER", "MANAGER"]);
    const manager = asActor(users[1]!);
    await authorize({ actor: manager, orgSlug: organization.slug, permission: "edit_map" });
    await removeMember({ actor: asActor(users[0]!), orgSlug: organization.slug, userId: users[1]!.id });
    await expect(authorize({ actor: manager, orgSlug: organization.slug, permission: "read" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses to change someone who is not a member, even of another organisation", async () => {
    const { organization, users } = await organizationWith(["OWNER"]);
    const other = await organizationWith(["OWNER", "VIEWER"]);
    await expect(
      changeMemberRole({
        actor: asActor(users[0]!),
        orgSlug: organization.slug,
        userId: other.users[1]!.id,
        role: "OWNER",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const untouched = await db.membership.findFirst({
      where: { organizationId: other.organization.id, userId: other.users[1]!.id },
    });
    expect(untouched?.role).toBe("VIEWER");
  });
});
