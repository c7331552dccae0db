import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { createOrganization, createUser } from "@/prisma/factories";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { getInvitation } from "./get-invitation";
import { listInvitations } from "./list-invitations";
import { revokeInvitation } from "./revoke-invitation";

// Each test run comes from its own address, so that rate limits from earlier runs do not carry over.
const ip = `198.51.100.${randomBytes(1)[0]}`;

function asActor(user: { id: string; email: string; name: string }): TActor {
  return { kind: "user", userId: user.id, email: user.email, name: user.name };
}

async function setup() {
  const owner = await createUser(db, { name: "Owner" });
  const invitee = await createUser(db, {
    name: "Invitee",
    email: `invitee-${randomBytes(6).toString("hex")}@example.test`,
  });
  const organization = await createOrganization(db, { members: [{ userId: owner.id, role: "OWNER" }] });
  const invite = (email = invitee.email, role: "MANAGER" | "VIEWER" = "MANAGER") =>
    createInvitation({
      actor: asActor(owner),
      orgSlug: organization.slug,
      email,
      role,
      origin: "https://remit.example",
    });
  return { owner, invitee, organization, invite };
}

const tokenOf = (link: string) => link.split("/").pop()!;

describe("invitations", () => {
  it("creates a link that the invited person accepts once, joining with the chosen role", async () => {
    const { invitee, organization, invite } = await setup();
    const invitation = await invite();
    expect(invitation.link).toMatch(/^https:\/\/remit\.example\/invitations\/inv_/);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const joined = await acceptInvitation({ actor: asActor(invitee), token: tokenOf(invitation.link), ip });
    expect(joined).toMatchObject({ slug: organization.slug, role: "MANAGER" });
    await expect(
      acceptInvitation({ actor: asActor(invitee), token: tokenOf(invitation.link), ip }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "This invitation has already been used.",
    });
    expect((await getInvitation({ token: tokenOf(invitation.link) })).status).toBe("accepted");
  });

  it("stores only a hash of the link's secret", async () => {
    const { invite } = await setup();
    const invitation = await invite();
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(JSON.stringify(stored)).not.toContain(tokenOf(invitation.link));
  });

  it("refuses someone signed in with another email, and leaves the invitation usable", async () => {
    const { owner, invitee, invite } = await setup();
    const invitation = await invite();
    await expect(
      acceptInvitation({ actor: asActor(owner), token: tokenOf(invitation.link), ip }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      acceptInvitation({ actor: asActor(invitee), token: tokenOf(invitation.link), ip }),
    ).resolves.toBeTruthy();
  });

  it("refuses revoked and expired invitations", async () => {
    const { owner, invitee, organization, invite } = await setup();
    const revoked = await invite();
    await revokeInvitation({ actor: asActor(owner), orgSlug: organization.slug, invitationId: revoked.id });
    await expect(acceptInvitation({ actor: asActor(invitee), token: tokenOf(revoked.link), ip })).rejects.toMatchObject(
      {
        code: "conflict",
        message: expect.stringContaining("revoked"),
      },
    );

    const expired = await invite();
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation({ actor: asActor(invitee), token: tokenOf(expired.link), ip })).rejects.toMatchObject(
      {
        code: "conflict",
        message: expect.stringContaining("expired"),
      },
    );
    expect(await db.membership.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(0);
  });

  it("accepts only once when two tabs accept at the same moment", async () => {
    const { invitee, organization, invite } = await setup();
    const invitation = await invite();
    const results = await Promise.allSettled([
      acceptInvitation({ actor: asActor(invitee), token: tokenOf(invitation.link), ip }),
      acceptInvitation({ actor: asActor(invitee), token: tokenOf(invitation.link), ip }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await db.membership.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(1);
  });

  it("replaces a pending invitation for the same email, and refuses to invite a member", async () => {
    const { owner, invitee, organization, invite } = await setup();
    const first = await invite(invitee.email);
    const second = await invite(invitee.email, "VIEWER");
    const pending = await listInvitations({ actor: asActor(owner), orgSlug: organization.slug });
    expect(pending.map((invitation) => invitation.id)).toEqual([second.id]);
    await expect(acceptInvitation({ actor: asActor(invitee), token: tokenOf(first.link), ip })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(invite(owner.email)).rejects.toMatchObject({
      code: "conflict",
      fields: { email: [expect.any(String)] },
    });
  });

  it("cannot be revoked through another organisation", async () => {
    const { invite } = await setup();
    const invitation = await invite();
    const stranger = await createUser(db);
    const elsewhere = await createOrganization(db, { members: [{ userId: stranger.id, role: "OWNER" }] });
    await expect(
      revokeInvitation({ actor: asActor(stranger), orgSlug: elsewhere.slug, invitationId: invitation.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await getInvitation({ token: tokenOf(invitation.link) })).status).toBe("pending");
  });
});
