// The authorisation matrix: every /api/v1 route and method, called by every kind of caller. Allowed callers
// succeed; the rest get 401, 403 or 404 with nothing but an error in the body, and the database unchanged.
// A route that exists but is missing here fails the last test, so new routes must be added.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TPermission, TRole } from "@/lib/domain/roles";
import { hashSecret } from "@/lib/server/auth/secrets";
import { createDraft } from "@/lib/server/drafts/drafts";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { documentedResponse } from "@/lib/server/testing/contracts";
import { filesNamed } from "@/lib/server/testing/files";
import { callRoute, sessionCookie, type TCredentials } from "@/lib/server/testing/http";
import {
  asSystem,
  createApiTokenFor,
  createAssignment,
  createDuty,
  createOrganization,
  createPerson,
  createSlot,
  createTeam,
  createUser,
} from "@/prisma/factories";

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
  manage_webhooks: ["OWNER"],
  manage_settings: ["OWNER"],
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
  // A little map: a team with its PO and PM slots and a Tech lead slot held by a person, a duty of its own and
  // one assignment.
  const team = await createTeam(db, { organizationId: org.id, name: "Matrix Team" });
  const person = await createPerson(db, { organizationId: org.id, name: "Matrix Person" });
  const slot = await createSlot(db, { organizationId: org.id, teamId: team.id, holderId: person.id });
  const duty = await createDuty(db, { organizationId: org.id, name: "Matrix duty" });
  await createAssignment(db, { organizationId: org.id, slotId: team.slots[0]!.id, dutyId: duty.id });
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
    team,
    person,
    slot,
    duty,
    credentials,
  };
}
type TWorld = Awaited<ReturnType<typeof createWorld>>;

type TCall = { params?: Record<string, string>; body?: unknown };

/** A RACI sheet upload, applied: a form is read once, so each call makes its own. */
function raciSheet(csv: string): FormData {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "raci.csv");
  form.set("options", JSON.stringify({ apply: true }));
  return form;
}
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
const teamParams = (w: TWorld) => ({ params: { ...orgParams(w), teamId: w.team.id } });
const slotParams = (w: TWorld) => ({ params: { ...orgParams(w), teamId: w.team.id, slotId: w.slot.id } });
const personParams = (w: TWorld) => ({ params: { ...orgParams(w), personId: w.person.id } });
const dutyParams = (w: TWorld) => ({ params: { ...orgParams(w), dutyId: w.duty.id } });
/** A draft of the world's organisation, made by its Owner. */
const draftParams = async (w: TWorld) => {
  const { draft } = await createDraft({ actor: w.ownerActor, orgSlug: w.org.slug, name: "Matrix plan" });
  return { params: { ...orgParams(w), draftId: draft.id } };
};
const ORG = "/api/v1/orgs/[orgSlug]";
/**
 * A webhook endpoint of the world's organisation, made in the database (without the address check): its test event
 * is refused at delivery, a private address, so nothing leaves this machine.
 */
const webhookOf = async (w: TWorld) =>
  (
    await db.webhookEndpoint.create({
      data: {
        id: `wh_${unique()}`,
        organizationId: w.org.id,
        url: "http://127.0.0.1:9/hook",
        events: ["term.ending"],
        format: "standard",
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        createdByName: "Matrix",
      },
    })
  ).id;

/** A thread on the world's team, started by its Owner: the comment's id, for the calls on one comment. */
const commentParams = async (w: TWorld) => {
  const thread = await db.commentThread.create({
    data: { organizationId: w.org.id, kind: "team", teamId: w.team.id, authorId: w.owner.id },
  });
  const comment = await db.comment.create({
    data: {
      organizationId: w.org.id,
      threadId: thread.id,
      authorId: w.owner.id,
      authorName: w.owner.name,
      body: "Hm.",
    },
  });
  return { params: { ...orgParams(w), commentId: comment.id } };
};
/** Who may act on the Owner's comment (its author) or thread (its author, Managers): people only, not tokens. */
const onOwnersComment = (managerStatus: number, success: number): Record<TActorName, number> => ({
  anonymous: 401,
  owner: success,
  manager: managerStatus,
  viewer: 403,
  outsider: 404,
  "manager-token": 403,
  "viewer-token": 403,
  "other-org-token": 404,
});

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
  // A person's own inbox and settings: every signed-in person has them; tokens are not people.
  ...(
    [
      ["GET", "/api/v1/notifications", undefined],
      ["POST", "/api/v1/notifications/read", { all: true }],
      ["GET", "/api/v1/me/notification-settings", undefined],
      ["PATCH", "/api/v1/me/notification-settings", { email: { mention: "daily" } }],
    ] as const
  ).map(([method, route, body]): TEntry => ({
    method,
    route,
    prepare: () => (body ? { body } : {}),
    success: 200,
    expected: {
      anonymous: 401,
      owner: 200,
      manager: 200,
      viewer: 200,
      outsider: 200,
      "manager-token": 403,
      "viewer-token": 403,
      "other-org-token": 403,
    },
  })),
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
  {
    method: "GET",
    route: `${ORG}/webhooks`,
    permission: "manage_webhooks",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/webhooks`,
    permission: "manage_webhooks",
    success: 201,
    // A public address, as an IP literal (no DNS needed), for an event nothing here raises: nothing is sent to it.
    prepare: (w) => ({
      params: orgParams(w),
      body: { url: "https://93.184.215.14/hook", events: ["term.ending"] },
    }),
  },
  {
    method: "DELETE",
    route: `${ORG}/webhooks/[webhookId]`,
    permission: "manage_webhooks",
    success: 204,
    prepare: async (w) => ({ params: { ...orgParams(w), webhookId: await webhookOf(w) } }),
  },
  {
    method: "GET",
    route: `${ORG}/webhooks/[webhookId]/deliveries`,
    permission: "manage_webhooks",
    success: 200,
    prepare: async (w) => ({ params: { ...orgParams(w), webhookId: await webhookOf(w) } }),
  },
  {
    method: "POST",
    route: `${ORG}/webhooks/[webhookId]/test`,
    permission: "manage_webhooks",
    success: 202,
    prepare: async (w) => ({ params: { ...orgParams(w), webhookId: await webhookOf(w) } }),
  },

  // The responsibility map
  {
    method: "GET",
    route: `${ORG}/teams`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/teams`,
    permission: "edit_map",
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { name: "Created team" } }),
  },
  { method: "GET", route: `${ORG}/teams/[teamId]`, permission: "read", success: 200, prepare: teamParams },
  {
    method: "PATCH",
    route: `${ORG}/teams/[teamId]`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ ...teamParams(w), body: { name: "Renamed team" } }),
  },
  { method: "DELETE", route: `${ORG}/teams/[teamId]`, permission: "edit_map", success: 200, prepare: teamParams },
  { method: "GET", route: `${ORG}/teams/[teamId]/slots`, permission: "read", success: 200, prepare: teamParams },
  {
    method: "POST",
    route: `${ORG}/teams/[teamId]/slots`,
    permission: "edit_map",
    success: 201,
    prepare: (w) => ({ ...teamParams(w), body: { role: "Designer", holderId: w.person.id } }),
  },
  {
    method: "GET",
    route: `${ORG}/teams/[teamId]/slots/[slotId]`,
    permission: "read",
    success: 200,
    prepare: slotParams,
  },
  {
    method: "GET",
    route: `${ORG}/teams/[teamId]/slots/[slotId]/candidates`,
    permission: "read",
    success: 200,
    prepare: slotParams,
  },
  {
    method: "PATCH",
    route: `${ORG}/teams/[teamId]/slots/[slotId]`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ ...slotParams(w), body: { holderId: null, order: 0 } }),
  },
  {
    method: "DELETE",
    route: `${ORG}/teams/[teamId]/slots/[slotId]`,
    permission: "edit_map",
    success: 200,
    prepare: slotParams,
  },
  {
    method: "PUT",
    route: `${ORG}/teams/[teamId]/assignments`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ ...teamParams(w), body: { dutyId: w.duty.id, slotId: w.slot.id, level: "responsible" } }),
  },
  {
    method: "POST",
    route: `${ORG}/teams/[teamId]/apply-split`,
    permission: "edit_map",
    success: 200,
    prepare: teamParams,
  },
  {
    method: "POST",
    route: `${ORG}/teams/[teamId]/raci-import`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ ...teamParams(w), body: raciSheet(`Duty,${w.slot.role}\r\n${w.duty.name},R\r\n`) }),
  },
  {
    method: "GET",
    route: `${ORG}/people`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/people`,
    permission: "edit_map",
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { name: "Created Person", email: `p-${unique()}@example.test` } }),
  },
  { method: "GET", route: `${ORG}/people/[personId]`, permission: "read", success: 200, prepare: personParams },
  {
    method: "PATCH",
    route: `${ORG}/people/[personId]`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ ...personParams(w), body: { capacity: 0.5 } }),
  },
  { method: "DELETE", route: `${ORG}/people/[personId]`, permission: "edit_map", success: 200, prepare: personParams },
  {
    method: "GET",
    route: `${ORG}/duties`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/duties`,
    permission: "edit_map",
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { name: "Created duty" } }),
  },
  { method: "GET", route: `${ORG}/duties/[dutyId]`, permission: "read", success: 200, prepare: dutyParams },
  {
    method: "PATCH",
    route: `${ORG}/duties/[dutyId]`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ ...dutyParams(w), body: { required: false, order: 0 } }),
  },
  { method: "DELETE", route: `${ORG}/duties/[dutyId]`, permission: "edit_map", success: 200, prepare: dutyParams },
  {
    method: "GET",
    route: `${ORG}/analysis`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/rules`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "PATCH",
    route: `${ORG}/rules`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({
      params: orgParams(w),
      body: {
        rules: [
          { id: "team_size", severity: "on", params: { max: 1 } },
          { id: "idle_slot", severity: "off" },
        ],
      },
    }),
  },
  {
    method: "POST",
    route: `${ORG}/rules/preview`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w), body: { rules: [{ id: "po_spread", severity: "on" }] } }),
  },
  {
    method: "POST",
    route: `${ORG}/teams/[teamId]/restore`,
    permission: "edit_map",
    success: 200,
    // Before the world's assignment: restoring takes the cell away again.
    prepare: async (w) => {
      const [cell] = await db.$queryRaw<{ at: Date }[]>`
        SELECT at FROM journal_entry WHERE organization_id = ${w.org.id} AND entity = 'assignment' ORDER BY id DESC LIMIT 1`;
      return { ...teamParams(w), body: { at: new Date(cell!.at.getTime() - 1).toISOString() } };
    },
  },
  {
    method: "GET",
    route: `${ORG}/drafts`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/drafts`,
    permission: "edit_map",
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { name: "Split Matrix Team" } }),
  },
  {
    method: "POST",
    route: `${ORG}/plans`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({ params: orgParams(w), body: { clear: "errors", timeLimitSeconds: 5 } }),
  },
  { method: "GET", route: `${ORG}/drafts/[draftId]`, permission: "read", success: 200, prepare: draftParams },
  {
    method: "PATCH",
    route: `${ORG}/drafts/[draftId]`,
    permission: "edit_map",
    success: 200,
    prepare: async (w) => ({ ...(await draftParams(w)), body: { name: "Renamed plan" } }),
  },
  { method: "DELETE", route: `${ORG}/drafts/[draftId]`, permission: "edit_map", success: 200, prepare: draftParams },
  { method: "GET", route: `${ORG}/drafts/[draftId]/map`, permission: "read", success: 200, prepare: draftParams },
  {
    method: "PUT",
    route: `${ORG}/drafts/[draftId]/map`,
    permission: "edit_map",
    success: 200,
    prepare: async (w) => ({
      ...(await draftParams(w)),
      body: {
        format: "remit.map/v1",
        duties: [{ key: "vision", name: "Product vision" }],
        teams: [{ key: "planned", name: "Planned", slots: [{ key: "po", role: "PO" }] }],
      },
    }),
  },
  { method: "GET", route: `${ORG}/drafts/[draftId]/analysis`, permission: "read", success: 200, prepare: draftParams },
  { method: "GET", route: `${ORG}/drafts/[draftId]/compare`, permission: "read", success: 200, prepare: draftParams },
  {
    method: "POST",
    route: `${ORG}/drafts/[draftId]/publish`,
    permission: "edit_map",
    success: 200,
    // The draft renames the team: publishing changes that one row of live.
    prepare: async (w) => {
      const call = await draftParams(w);
      const slug = (
        await db.draft.findUniqueOrThrow({ where: { id: call.params.draftId }, select: { workspace: true } })
      ).workspace.slug;
      const workspace = await db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      await asSystem(db, (tx) =>
        tx.team.updateMany({ where: { organizationId: workspace.id }, data: { name: "Planned Matrix Team" } }),
      );
      return call;
    },
  },
  {
    method: "POST",
    route: `${ORG}/drafts/[draftId]/schedule`,
    permission: "edit_map",
    success: 200,
    prepare: async (w) => ({ ...(await draftParams(w)), body: { at: new Date(Date.now() + 3_600_000).toISOString() } }),
  },
  {
    method: "DELETE",
    route: `${ORG}/drafts/[draftId]/schedule`,
    permission: "edit_map",
    success: 200,
    prepare: draftParams,
  },
  {
    method: "POST",
    route: `${ORG}/drafts/[draftId]/submit`,
    permission: "edit_map",
    success: 200,
    // To a Manager of its own, whom no caller is.
    prepare: async (w) => {
      const reviewer = await createUser(db, { name: "Rita Reviewer" });
      await db.membership.create({ data: { organizationId: w.org.id, userId: reviewer.id, role: "MANAGER" } });
      return { ...(await draftParams(w)), body: { reviewers: [reviewer.id] } };
    },
  },
  {
    method: "POST",
    route: `${ORG}/drafts/[draftId]/reviews`,
    success: 201,
    // Submitted to the Owner and the Manager: people review, tokens do not.
    prepare: async (w) => {
      const call = await draftParams(w);
      await db.draftReviewer.createMany({
        data: [w.owner, w.manager].map((user) => ({
          draftId: call.params.draftId,
          userId: user.id,
          organizationId: w.org.id,
        })),
      });
      return { ...call, body: { decision: "approve", comment: "Reads right." } };
    },
    expected: {
      anonymous: 401,
      owner: 201,
      manager: 201,
      viewer: 403,
      outsider: 404,
      "manager-token": 403,
      "viewer-token": 403,
      "other-org-token": 404,
    },
  },
  {
    method: "GET",
    route: `${ORG}/settings`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "PATCH",
    route: `${ORG}/settings`,
    permission: "manage_settings",
    success: 200,
    prepare: (w) => ({ params: orgParams(w), body: { approvalsRequired: 2, viewersMayComment: false } }),
  },
  {
    method: "GET",
    route: `${ORG}/health-history`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/journal`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/journal/[entryId]/undo`,
    permission: "edit_map",
    success: 200,
    // The world's last action: its assignment, which nothing changed since.
    prepare: async (w) => {
      const [last] = await db.$queryRaw<{ id: bigint }[]>`
        SELECT max(id) AS id FROM journal_entry WHERE organization_id = ${w.org.id}`;
      return { params: { ...orgParams(w), entryId: String(last!.id) } };
    },
  },
  {
    method: "GET",
    route: `${ORG}/overview`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/structure`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/timeline`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/state`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  { method: "GET", route: `${ORG}/map`, permission: "read", success: 200, prepare: (w) => ({ params: orgParams(w) }) },
  {
    method: "PUT",
    route: `${ORG}/map`,
    permission: "edit_map",
    success: 200,
    prepare: (w) => ({
      params: orgParams(w),
      body: {
        format: "remit.map/v1",
        duties: [{ key: "vision", name: "Product vision" }],
        teams: [{ key: "imported", name: "Imported", slots: [{ key: "po", role: "PO" }] }],
      },
    }),
  },
  {
    method: "GET",
    route: `${ORG}/map.csv`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/map.xlsx`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/report.pdf`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "GET",
    route: `${ORG}/events`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/presence`,
    prepare: (w) => ({ params: orgParams(w), body: { clientId: "tab-12345678", path: `/${w.org.slug}`, focus: null } }),
    success: 204,
    // Presence is about people: tokens, even of this organisation, are refused.
    expected: {
      anonymous: 401,
      owner: 204,
      manager: 204,
      viewer: 204,
      outsider: 404,
      "manager-token": 403,
      "viewer-token": 403,
      "other-org-token": 404,
    },
  },
  {
    method: "GET",
    route: "/api/v1/openapi.json",
    prepare: () => ({}),
    success: 200,
    expected: Object.fromEntries(ACTORS.map((actor) => [actor, 200])) as Record<TActorName, number>,
  },
  {
    method: "GET",
    route: `${ORG}/comments`,
    permission: "read",
    success: 200,
    prepare: (w) => ({ params: orgParams(w) }),
  },
  {
    method: "POST",
    route: `${ORG}/comments`,
    success: 201,
    prepare: (w) => ({ params: orgParams(w), body: { target: { kind: "team", teamId: w.team.id }, body: "Matrix?" } }),
    // Viewers may comment (the organisation's setting allows it by default); a comment has a person as author.
    expected: { ...onOwnersComment(201, 201), viewer: 201 },
  },
  {
    method: "PATCH",
    route: `${ORG}/comments/[commentId]`,
    success: 200,
    prepare: async (w) => ({ ...(await commentParams(w)), body: { body: "Edited." } }),
    expected: onOwnersComment(403, 200),
  },
  {
    method: "DELETE",
    route: `${ORG}/comments/[commentId]`,
    success: 204,
    prepare: commentParams,
    expected: onOwnersComment(403, 204),
  },
  {
    method: "POST",
    route: `${ORG}/comments/[commentId]/resolve`,
    success: 200,
    prepare: commentParams,
    expected: onOwnersComment(200, 200),
  },
  {
    method: "POST",
    route: `${ORG}/comments/[commentId]/reopen`,
    success: 200,
    prepare: commentParams,
    expected: onOwnersComment(200, 200),
  },
];

function expectedStatus(entry: TEntry, actor: TActorName): number {
  if (entry.expected) return entry.expected[actor];
  if (actor === "anonymous") return 401;
  const role = ROLE_IN_ORG[actor];
  if (!role) return 404;
  return ALLOWED_ROLES[entry.permission!].includes(role) ? entry.success : 403;
}

/**
 * Everything a refused request must leave as it was: both organisations of the world, and the world's users and any
 * account with an email the request names.
 */
async function snapshot(world: TWorld, body?: unknown) {
  const organizationId = { in: [world.org.id, world.other.id] };
  const userIds = [world.owner.id, world.manager.id, world.viewer.id, world.outsider.id];
  const emails = JSON.stringify(body ?? null).match(/[^\s"@]+@[^\s"@]+/g) ?? [];
  const [organizations, memberships, invitations, tokens, users] = await Promise.all([
    db.organization.findMany({ where: { id: organizationId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.apiToken.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, role: true, revokedAt: true, tokenHash: true },
    }),
    db.user.findMany({
      where: { OR: [{ id: { in: userIds } }, { email: { in: emails } }] },
      orderBy: { id: "asc" },
      select: { id: true, email: true, name: true },
    }),
  ]);
  const map = await Promise.all([
    db.team.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.person.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.slot.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.duty.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.assignment.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.rule.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
  ]);
  return { organizations, memberships, invitations, tokens, users, map };
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
    const before = await snapshot(world, call.body);
    const journalBefore = await lastJournalId(world);

    const response = await callRoute(handler, { method: entry.method, credentials: world.credentials[actor], ...call });

    expect(response.status, JSON.stringify(response.body)).toBe(expected);
    // Every answer, allowed or refused, is one the OpenAPI document lists, in the shape it gives.
    const documented = documentedResponse(entry.method, entry.route, response.status);
    expect(documented, "an answer the OpenAPI document does not list").toBeDefined();
    expect(documented?.schema?.safeParse(response.body).error?.issues ?? []).toEqual([]);
    // No answer carries a stored secret: password hashes, API token hashes, or other tokens' secrets.
    const text = JSON.stringify(response.body) ?? "";
    expect(text).not.toContain("$argon2");
    for (const token of Object.values(world.tokens)) {
      expect(text).not.toContain(hashSecret(token.secret));
      if (world.credentials[actor]?.bearer !== token.secret) expect(text).not.toContain(token.secret);
    }
    if (expected >= 400) {
      expect(Object.keys(response.body as object)).toEqual(["error"]);
      expect(await snapshot(world, call.body)).toEqual(before);
    }
    await expectJournalled(world, actor, before.map, journalBefore);
  });
});

const worldOrgIds = (world: TWorld) => [world.org.id, world.other.id];

async function lastJournalId(world: TWorld): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint | null }[]>`
    SELECT max(id) AS id FROM journal_entry WHERE organization_id = ANY(${worldOrgIds(world)})`;
  return row?.id ?? 0n;
}

/**
 * Journal completeness: whatever a call changed in the map is in the journal, exactly (every changed row and no
 * other), as one group, under the caller's name. A new write path that bypasses the journal fails here.
 */
async function expectJournalled(
  world: TWorld,
  actor: TActorName,
  mapBefore: Awaited<ReturnType<typeof snapshot>>["map"],
  journalBefore: bigint,
) {
  const mapAfter = (await snapshot(world)).map;
  const tables = ["team", "person", "slot", "duty", "assignment", "rule"] as const;
  const changed = new Set<string>();
  tables.forEach((table, index) => {
    const strip = (row: Record<string, unknown>) => JSON.stringify({ ...row, createdAt: null, updatedAt: null });
    const before = new Map(mapBefore[index]!.map((row) => [row.id, strip(row)]));
    const after = new Map(mapAfter[index]!.map((row) => [row.id, strip(row)]));
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(id) !== after.get(id)) changed.add(`${table}:${id}`);
    }
  });
  const entries = await db.$queryRaw<
    { entity: string; entity_id: string; group_id: string; actor_id: string | null }[]
  >`
    SELECT entity, entity_id, group_id, actor_id FROM journal_entry
    WHERE organization_id = ANY(${worldOrgIds(world)}) AND id > ${journalBefore} ORDER BY id`;
  expect(new Set(entries.map((entry) => `${entry.entity}:${entry.entity_id}`))).toEqual(changed);
  if (entries.length === 0) return;
  expect(new Set(entries.map((entry) => entry.group_id)).size).toBe(1);
  const actorIds: Partial<Record<TActorName, string>> = {
    owner: world.owner.id,
    manager: world.manager.id,
    "manager-token": world.tokens.manager.id,
  };
  expect(entries[0]!.actor_id).toBe(actorIds[actor]);
}

describe("the matrix", () => {
  it("covers every /api/v1 route and method", async () => {
    const appDir = path.join(process.cwd(), "app");
    const found: string[] = [];
    for (const file of filesNamed(path.join(appDir, "api", "v1"), "route.ts")) {
      const route = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
      const routeModule = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof routeModule[method] === "function") found.push(`${method} ${route}`);
      }
    }
    expect(MATRIX.map((entry) => `${entry.method} ${entry.route}`).sort()).toEqual(found.sort());
  });
});
