import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { createOrganization, createUser } from "@/prisma/factories";
import { authorize, rememberingAccess } from "./authorize";

async function memberOf(role: "OWNER" | "VIEWER") {
  const user = await createUser(db);
  const organization = await createOrganization(db, { members: [{ userId: user.id, role }] });
  const actor: TActor = { kind: "user", userId: user.id, email: user.email, name: user.name };
  return { actor, organization, user };
}

const withoutMembership = (organizationId: string, userId: string) =>
  db.membership.delete({ where: { organizationId_userId: { organizationId, userId } } });

describe("the gate within one request", () => {
  it("looks a member up once: the second answer is the first, without asking the database again", async () => {
    const { actor, organization, user } = await memberOf("OWNER");
    const orgSlug = organization.slug;
    await rememberingAccess(async () => {
      await authorize({ actor, orgSlug, permission: "edit_map" });
      await withoutMembership(organization.id, user.id);
      expect((await authorize({ actor, orgSlug, permission: "read" })).role).toBe("OWNER");
    });
    // The next request asks again.
    await expect(rememberingAccess(() => authorize({ actor, orgSlug, permission: "read" }))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("checks the permission every time", async () => {
    const { actor, organization } = await memberOf("VIEWER");
    await rememberingAccess(async () => {
      await authorize({ actor, orgSlug: organization.slug, permission: "read" });
      await expect(authorize({ actor, orgSlug: organization.slug, permission: "edit_map" })).rejects.toMatchObject({
        code: "forbidden",
      });
    });
  });

  it("does not keep a refusal: a caller who became a member meanwhile is let in", async () => {
    const user = await createUser(db);
    const organization = await createOrganization(db, {});
    const actor: TActor = { kind: "user", userId: user.id, email: user.email, name: user.name };
    await rememberingAccess(async () => {
      await expect(authorize({ actor, orgSlug: organization.slug, permission: "read" })).rejects.toMatchObject({
        code: "not_found",
      });
      await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "VIEWER" } });
      expect((await authorize({ actor, orgSlug: organization.slug, permission: "read" })).role).toBe("VIEWER");
    });
  });

  it("keeps each actor's and each organisation's access apart", async () => {
    const owner = await memberOf("OWNER");
    const viewer = await memberOf("VIEWER");
    await rememberingAccess(async () => {
      expect((await authorize({ actor: owner.actor, orgSlug: owner.organization.slug, permission: "read" })).role).toBe(
        "OWNER",
      );
      await expect(
        authorize({ actor: owner.actor, orgSlug: viewer.organization.slug, permission: "read" }),
      ).rejects.toMatchObject({ code: "not_found" });
      expect(
        (await authorize({ actor: viewer.actor, orgSlug: viewer.organization.slug, permission: "read" })).role,
      ).toBe("VIEWER");
    });
  });
});
