import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createOrganization, createUser } from "@/prisma/factories";
import { getOrganization } from "./get-organization";
import { listOrganizations } from "./list-organizations";

async function twoOrganizations() {
  const alice = await createUser(db, { name: "Alice" });
  const bob = await createUser(db, { name: "Bob" });
  const outsider = await createUser(db, { name: "Olga" });
  const acme = await createOrganization(db, {
    name: "Acme",
    members: [
      { userId: alice.id, role: "OWNER" },
      { userId: bob.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganization(db, { name: "Other", members: [{ userId: outsider.id, role: "OWNER" }] });
  return { alice, bob, outsider, acme, other };
}

describe("getOrganization", () => {
  it("shows a member the organisation, their role and its members only", async () => {
    const { bob, alice, acme } = await twoOrganizations();
    const view = await getOrganization({ userId: bob.id, slug: acme.slug });
    expect(view).toMatchObject({ id: acme.id, name: "Acme", role: "VIEWER" });
    expect(view.members.map((member) => member.userId).sort()).toEqual([alice.id, bob.id].sort());
  });

  it("answers not_found to a non-member, exactly as for a slug that does not exist", async () => {
    const { outsider, acme } = await twoOrganizations();
    const asOutsider = getOrganization({ userId: outsider.id, slug: acme.slug });
    await expect(asOutsider).rejects.toBeInstanceOf(AppError);
    await expect(asOutsider).rejects.toMatchObject({ code: "not_found" });
    await expect(getOrganization({ userId: outsider.id, slug: "no-such-org" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("listOrganizations", () => {
  it("lists only the organisations the user belongs to, with their role", async () => {
    const { alice, acme } = await twoOrganizations();
    const extra = await createOrganization(db, { name: "Beta", members: [{ userId: alice.id, role: "MANAGER" }] });
    const organizations = await listOrganizations({ userId: alice.id });
    expect(organizations).toEqual([
      { id: acme.id, slug: acme.slug, name: "Acme", role: "OWNER" },
      { id: extra.id, slug: extra.slug, name: "Beta", role: "MANAGER" },
    ]);
  });
});
