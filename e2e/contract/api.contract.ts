// The HTTP contract of /api/v1 (issue #17): every operation of the served OpenAPI document, called over HTTP against
// the production build, by every kind of caller (Owner, Manager and Viewer signed in through Auth.js, API tokens of
// the organisation and of another, a member of another organisation, nobody), with a valid request and with
// invalid ones. Every answer must be one the document lists, in the shape it gives; who gets what follows from each
// operation's `x-remit-access`; an operation of the document that was never called, or whose success was never seen,
// fails the run.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createDuty, createPerson, createSlot, createTeam, createUser } from "@/prisma/factories";
import {
  ContractClient,
  Coverage,
  loadContract,
  randomAddress,
  signInWithPassword,
  type TCaller,
  type TContract,
  type TOperation,
  type TRequest,
} from "../fixtures/contract";

type TRole = "OWNER" | "MANAGER" | "VIEWER";

// Who may do what, written out here rather than taken from lib/domain/roles.ts, so that a change there that widens a
// permission fails this test.
const PERMISSIONS: Record<TRole, readonly string[]> = {
  OWNER: ["read", "edit_map", "manage_members", "manage_tokens", "manage_webhooks", "manage_settings"],
  MANAGER: ["read", "edit_map"],
  VIEWER: ["read"],
};

type TCallerOf = TCaller & {
  kind: "user" | "token" | "anonymous";
  /** The organisation it belongs to: the world's, another, or none. */
  organization: "world" | "other" | null;
  role?: TRole;
  user?: { id: string; email: string };
};

const CALLER_NAMES = [
  "owner",
  "manager",
  "viewer",
  "outsider",
  "manager-token",
  "viewer-token",
  "other-org-token",
  "anonymous",
] as const;
type TCallerName = (typeof CALLER_NAMES)[number];

/** The status a caller must get for a valid request, by the operation's `x-remit-access`. */
function expectedStatus(operation: TOperation, caller: TCallerOf): number | string {
  const success = operation.successes[0]!;
  const { access } = operation;
  if (access === "anyone") return success;
  if (caller.kind === "anonymous") return 401;
  if (access === "signed-in") return success;
  if (access === "user") return caller.kind === "token" ? 403 : success;
  // `user:<permission>`: a member with the permission who is a person; the organisation's own tokens get 403.
  const permission = access.replace(/^user:/, "");
  if (!Object.values(PERMISSIONS).some((permissions) => permissions.includes(permission))) {
    return `an x-remit-access this test does not know: "${access}"`;
  }
  if (caller.organization !== "world") return 404;
  if (access.startsWith("user:") && caller.kind === "token") return 403;
  return PERMISSIONS[caller.role!].includes(permission) ? success : 403;
}

/** A RACI sheet upload of this CSV text (a preview unless `options` say apply). */
function raciForm(csv: string, options: object = {}): FormData {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), "raci.csv");
  form.set("options", JSON.stringify(options));
  return form;
}

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const PASSWORD = "correct horse battery staple";

type TWorld = Awaited<ReturnType<typeof createWorld>>;

/**
 * The organisation every call works in, made through the API as its users would: the Owner creates it, invites
 * the Manager and the Viewer (who accept), creates API tokens and a little map; another user owns another
 * organisation with a token of its own.
 */
async function createWorld(baseURL: string, contract: TContract, client: ContractClient) {
  const accounts = await Promise.all(
    ["Olivia Owner", "Max Manager", "Vera Viewer", "Otto Outsider"].map((name) =>
      createUser(db, { name, password: PASSWORD }),
    ),
  );
  const [owner, manager, viewer, outsider] = accounts as [
    (typeof accounts)[number],
    (typeof accounts)[number],
    (typeof accounts)[number],
    (typeof accounts)[number],
  ];
  const userCaller = async (name: TCallerName, user: typeof owner, role?: TRole): Promise<TCallerOf> => {
    const address = randomAddress();
    const cookie = await signInWithPassword(baseURL, { email: user.email, password: PASSWORD, address });
    return {
      name,
      kind: "user",
      cookie,
      address,
      user,
      role,
      organization: role ? "world" : "other",
    };
  };
  const callers = {
    owner: await userCaller("owner", owner, "OWNER"),
    manager: await userCaller("manager", manager, "MANAGER"),
    viewer: await userCaller("viewer", viewer, "VIEWER"),
    outsider: await userCaller("outsider", outsider),
    anonymous: { name: "anonymous", kind: "anonymous", organization: null, address: randomAddress() },
  } satisfies Partial<Record<TCallerName, TCallerOf>>;

  /** A call that must succeed, by `caller`, answered as documented. */
  const must = async <T>(key: string, caller: TCaller, request: TRequest = {}): Promise<T> => {
    const operation = contract.operation(key);
    const answer = await client.call(operation, caller, request);
    if (!operation.successes.includes(answer.status)) {
      throw new Error(`${client.describe(operation, caller, request)} answered ${answer.status}: ${answer.text}`);
    }
    return answer.body as T;
  };

  type TOrganization = { id: string; slug: string; name: string; role: TRole };
  const { organization: org } = await must<{ organization: TOrganization }>("POST /api/v1/orgs", callers.owner, {
    body: { name: "Contract Org", slug: `contract-${unique()}` },
  });
  const { organization: other } = await must<{ organization: TOrganization }>("POST /api/v1/orgs", callers.outsider, {
    body: { name: "Other Org", slug: `contract-other-${unique()}` },
  });
  const orgParams = { orgSlug: org.slug };
  for (const [member, role] of [
    [callers.manager, "MANAGER"],
    [callers.viewer, "VIEWER"],
  ] as const) {
    const { invitation } = await must<{ invitation: { link: string } }>(
      "POST /api/v1/orgs/{orgSlug}/invitations",
      callers.owner,
      { params: orgParams, body: { email: member.user!.email, role } },
    );
    await must("POST /api/v1/invitations/{token}/accept", member, {
      params: { token: invitation.link.split("/").pop()! },
    });
  }

  const tokenCaller = async (
    name: TCallerName,
    by: TCallerOf,
    orgSlug: string,
    role: "MANAGER" | "VIEWER",
  ): Promise<TCallerOf> => {
    const { token } = await must<{ token: { secret: string; role: string } }>(
      "POST /api/v1/orgs/{orgSlug}/tokens",
      by,
      { params: { orgSlug }, body: { name: `Contract ${name}`, role } },
    );
    expect(token.role, `the ${name}'s role`).toBe(role);
    return {
      name,
      kind: "token",
      bearer: token.secret,
      address: randomAddress(),
      role,
      organization: orgSlug === org.slug ? "world" : "other",
    };
  };
  const tokens = {
    "manager-token": await tokenCaller("manager-token", callers.owner, org.slug, "MANAGER"),
    "viewer-token": await tokenCaller("viewer-token", callers.owner, org.slug, "VIEWER"),
    "other-org-token": await tokenCaller("other-org-token", callers.outsider, other.slug, "MANAGER"),
  };

  // A little map: a team with its PO and PM slots and a Tech lead slot held by a person, a duty, one cell set.
  type TRef = { id: string; key: string };
  const { team } = await must<{ team: TRef & { slots: TRef[] } }>("POST /api/v1/orgs/{orgSlug}/teams", callers.owner, {
    params: orgParams,
    body: { name: "Contract Team" },
  });
  const { person } = await must<{ person: TRef }>("POST /api/v1/orgs/{orgSlug}/people", callers.owner, {
    params: orgParams,
    body: { name: "Casey Contract", email: `casey-${unique()}@example.test` },
  });
  const { slot } = await must<{ slot: TRef }>("POST /api/v1/orgs/{orgSlug}/teams/{teamId}/slots", callers.owner, {
    params: { ...orgParams, teamId: team.id },
    body: { role: "Tech lead", holderId: person.id },
  });
  const { duty } = await must<{ duty: TRef }>("POST /api/v1/orgs/{orgSlug}/duties", callers.owner, {
    params: orgParams,
    body: { name: "Contract duty" },
  });
  await must("PUT /api/v1/orgs/{orgSlug}/teams/{teamId}/assignments", callers.owner, {
    params: { ...orgParams, teamId: team.id },
    body: { dutyId: duty.id, slotId: slot.id, level: "accountable" },
  });
  type TDraft = { id: string; slug: string };
  const { draft } = await must<{ draft: TDraft }>("POST /api/v1/orgs/{orgSlug}/drafts", callers.owner, {
    params: orgParams,
    body: { name: "Contract plan" },
  });
  const { invitation: pending } = await must<{ invitation: { id: string; link: string } }>(
    "POST /api/v1/orgs/{orgSlug}/invitations",
    callers.owner,
    { params: orgParams, body: { email: `pending-${unique()}@example.test`, role: "VIEWER" } },
  );
  const journal = await must<{ groups: { groupId: string }[] }>("GET /api/v1/orgs/{orgSlug}/journal", callers.owner, {
    params: orgParams,
    query: { limit: "1" },
  });

  return {
    org,
    other,
    orgParams,
    callers: { ...callers, ...tokens } as Record<TCallerName, TCallerOf>,
    team,
    person,
    slot,
    duty,
    draft,
    pendingInvitation: { id: pending.id, token: pending.link.split("/").pop()! },
    lastGroupId: journal.groups[0]!.groupId,
    must,
    /** A new team (a vacant PO and PM slot) made straight in the database, for one call to change. */
    freshTeam: () => createTeam(db, { organizationId: org.id, name: "Fresh team" }),
    /** A draft of its own, made through the API by the Owner. */
    freshDraft: async () =>
      (
        await must<{ draft: TDraft }>("POST /api/v1/orgs/{orgSlug}/drafts", callers.owner, {
          params: orgParams,
          body: { name: `Plan ${unique()}` },
        })
      ).draft,
  };
}

type TContext = { world: TWorld; caller: TCallerOf };
type TInvalid = {
  label: string;
  request: TRequest;
  status: number;
  /** For a 400: the field that `error.fields` must name. */
  field?: string;
};
type TRecipe = {
  /**
   * A valid request. Writes act on targets of their own, made for the call, so that no call sees another's changes
   * whatever the order.
   */
  valid: (context: TContext) => Promise<TRequest> | TRequest;
  /** The request the invalid ones are made from (a valid one on the shared targets); `valid` when not given. */
  base?: (world: TWorld) => TRequest;
  /** Invalid requests that the document cannot tell about, each with the status it must get. */
  invalid?: (world: TWorld) => TInvalid[];
  /** Runs after every other operation: it replaces the whole live map. */
  isLast?: boolean;
};

const ORG = "/api/v1/orgs/{orgSlug}";
const TEAM = `${ORG}/teams/{teamId}`;
const DRAFT = `${ORG}/drafts/{draftId}`;
// Where the contract's webhooks point: a port on this machine nothing listens on (the suite's server allows private
// addresses), so that a test event's deliveries fail quietly.
const WEBHOOK_URL = "http://127.0.0.1:9/contract-hook";

/** A webhook endpoint made through the API by the Owner, for one call to act on. */
async function webhookOf(world: TWorld): Promise<string> {
  const { webhook } = await world.must<{ webhook: { id: string } }>(`POST ${ORG}/webhooks`, world.callers.owner, {
    params: world.orgParams,
    body: { url: WEBHOOK_URL, events: ["mention"] },
  });
  return webhook.id;
}
/**
 * A comment on the world's team for one call to act on: the caller's own when the caller is a member who is a person
 * (only its author edits or deletes it), else the Owner's.
 */
async function commentOf({ world, caller }: TContext): Promise<TRequest> {
  const author = caller.kind === "user" && caller.organization === "world" ? caller : world.callers.owner;
  const { comment } = await world.must<{ comment: { id: string } }>(`POST ${ORG}/comments`, author, {
    params: world.orgParams,
    body: { target: { kind: "team", teamId: world.team.id }, body: `Contract comment ${unique()}` },
  });
  return { params: { ...world.orgParams, commentId: comment.id } };
}
const MAP_DOCUMENT = {
  format: "remit.map/v1",
  duties: [{ key: "vision", name: "Product vision" }],
  teams: [{ key: "planned", name: "Planned", slots: [{ key: "po", role: "PO" }] }],
};

const orgOnly = ({ world }: TContext) => ({ params: world.orgParams });
const RULE_CHANGES = (world: TWorld) => ({
  rules: [
    { id: "team_size", severity: "on", params: { max: 1 }, exemptTeams: [world.team.key] },
    { id: "po_spread", severity: "warning" },
  ],
});
const INVALID_RULE_CHANGES = (world: TWorld): TInvalid[] => [
  {
    label: "an unknown rule",
    request: { params: world.orgParams, body: { rules: [{ id: "no_such_rule" }] } },
    status: 400,
    field: "rules.0.id",
  },
  {
    label: "a parameter out of range",
    request: { params: world.orgParams, body: { rules: [{ id: "po_spread", params: { max: 0 } }] } },
    status: 400,
    field: "rules.0.params.max",
  },
  {
    label: "a team that does not exist",
    request: { params: world.orgParams, body: { rules: [{ id: "team_size", exemptTeams: ["no-such-team"] }] } },
    status: 400,
    field: "rules.0.exemptTeams.0",
  },
];
const teamParams = (world: TWorld) => ({ ...world.orgParams, teamId: world.team.id });
const draftParams = (world: TWorld) => ({ ...world.orgParams, draftId: world.draft.id });

/**
 * How to call each operation of the document; the document decides which operations there are. Names are unique
 * where the server makes a key from them: calls run at once, and this is no test of racing for a key.
 */
const RECIPES: Record<string, TRecipe> = {
  "POST /api/v1/signup": {
    valid: () => ({ body: { name: "New Person", email: `new-${unique()}@example.test`, password: PASSWORD } }),
    invalid: (world): TInvalid[] => [
      {
        label: "the email of an account",
        request: { body: { name: "Twin", email: world.callers.viewer.user!.email, password: PASSWORD } },
        status: 409,
      },
    ],
  },
  "GET /api/v1/orgs": { valid: () => ({}) },
  "POST /api/v1/orgs": {
    valid: () => ({ body: { name: "Created", slug: `created-${unique()}` } }),
    invalid: (world): TInvalid[] => [
      { label: "a slug that is taken", request: { body: { name: "Taken", slug: world.org.slug } }, status: 409 },
    ],
  },
  "GET /api/v1/notifications": {
    valid: () => ({ query: { limit: "5" } }),
    invalid: (): TInvalid[] => [
      { label: "limit 0", request: { query: { limit: "0" } }, status: 400, field: "limit" },
      { label: "a cursor of no page", request: { query: { cursor: "ntf_nope" } }, status: 400, field: "cursor" },
    ],
  },
  "POST /api/v1/notifications/read": {
    valid: () => ({ body: { all: true } }),
    invalid: (): TInvalid[] => [
      { label: "no ids", request: { body: { ids: [] } }, status: 400, field: "ids" },
      { label: "neither ids nor all", request: { body: {} }, status: 400, field: "ids" },
    ],
  },
  "GET /api/v1/me/notification-settings": { valid: () => ({}) },
  "PATCH /api/v1/me/notification-settings": {
    valid: () => ({ body: { email: { "flag.resolved": "off" } } }),
    invalid: (): TInvalid[] => [
      {
        label: "a mode that does not exist",
        request: { body: { email: { mention: "weekly" } } },
        status: 400,
        field: "email.mention",
      },
    ],
  },
  "POST /api/v1/invitations/{token}/accept": {
    // Each signed-in caller accepts an invitation of its own, to an organisation it is not in yet (the outsider's
    // comes from the Owner, the others' from the outsider), so that no caller joins the world's organisation.
    valid: async ({ world, caller }) => {
      if (caller.kind !== "user") return { params: { token: world.pendingInvitation.token } };
      const inviter = caller.name === "outsider" ? world.callers.owner : world.callers.outsider;
      const { organization } = await world.must<{ organization: { slug: string } }>("POST /api/v1/orgs", inviter, {
        body: { name: "Inviting Org", slug: `inviting-${unique()}` },
      });
      const { invitation } = await world.must<{ invitation: { link: string } }>(`POST ${ORG}/invitations`, inviter, {
        params: { orgSlug: organization.slug },
        body: { email: caller.user!.email, role: "VIEWER" },
      });
      return { params: { token: invitation.link.split("/").pop()! } };
    },
    base: (world) => ({ params: { token: world.pendingInvitation.token } }),
  },
  [`GET ${ORG}/members`]: { valid: orgOnly },
  [`PATCH ${ORG}/members/{userId}`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, userId: await freshMember(world) },
      body: { role: "MANAGER" },
    }),
    base: (world) => ({
      params: { ...world.orgParams, userId: world.callers.viewer.user!.id },
      body: { role: "VIEWER" },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "the last Owner made a Viewer",
        request: { params: { ...world.orgParams, userId: world.callers.owner.user!.id }, body: { role: "VIEWER" } },
        status: 409,
      },
    ],
  },
  [`DELETE ${ORG}/members/{userId}`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, userId: await freshMember(world) } }),
    base: (world) => ({ params: { ...world.orgParams, userId: world.callers.viewer.user!.id } }),
  },
  [`GET ${ORG}/invitations`]: { valid: orgOnly },
  [`POST ${ORG}/invitations`]: {
    valid: ({ world }) => ({
      params: world.orgParams,
      body: { email: `invitee-${unique()}@example.test`, role: "VIEWER" },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "the email of a member",
        request: { params: world.orgParams, body: { email: world.callers.viewer.user!.email, role: "VIEWER" } },
        status: 409,
      },
    ],
  },
  [`DELETE ${ORG}/invitations/{invitationId}`]: {
    valid: async ({ world }) => {
      const { invitation } = await world.must<{ invitation: { id: string } }>(
        `POST ${ORG}/invitations`,
        world.callers.owner,
        { params: world.orgParams, body: { email: `revoked-${unique()}@example.test`, role: "VIEWER" } },
      );
      return { params: { ...world.orgParams, invitationId: invitation.id } };
    },
    base: (world) => ({ params: { ...world.orgParams, invitationId: world.pendingInvitation.id } }),
  },
  [`GET ${ORG}/tokens`]: { valid: orgOnly },
  [`POST ${ORG}/tokens`]: {
    valid: ({ world }) => ({ params: world.orgParams, body: { name: "Script", role: "VIEWER" } }),
  },
  [`DELETE ${ORG}/tokens/{tokenId}`]: {
    valid: async ({ world }) => {
      const { token } = await world.must<{ token: { id: string } }>(`POST ${ORG}/tokens`, world.callers.owner, {
        params: world.orgParams,
        body: { name: "Spare", role: "VIEWER" },
      });
      return { params: { ...world.orgParams, tokenId: token.id } };
    },
    base: (world) => ({ params: { ...world.orgParams, tokenId: "no-such-token-yet" } }),
  },
  [`GET ${ORG}/webhooks`]: { valid: orgOnly },
  [`POST ${ORG}/webhooks`]: {
    valid: ({ world }) => ({ params: world.orgParams, body: { url: WEBHOOK_URL, events: ["flag.introduced"] } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a URL whose host does not resolve",
        request: { params: world.orgParams, body: { url: "https://no-such-host.invalid/", events: ["mention"] } },
        status: 400,
        field: "url",
      },
    ],
  },
  [`DELETE ${ORG}/webhooks/{webhookId}`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, webhookId: await webhookOf(world) } }),
    base: (world) => ({ params: { ...world.orgParams, webhookId: "no-such-webhook-yet" } }),
  },
  [`GET ${ORG}/webhooks/{webhookId}/deliveries`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, webhookId: await webhookOf(world) } }),
    base: (world) => ({ params: { ...world.orgParams, webhookId: "no-such-webhook-yet" } }),
  },
  [`POST ${ORG}/webhooks/{webhookId}/test`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, webhookId: await webhookOf(world) } }),
    base: (world) => ({ params: { ...world.orgParams, webhookId: "no-such-webhook-yet" } }),
  },

  [`GET ${ORG}/teams`]: { valid: orgOnly },
  [`POST ${ORG}/teams`]: {
    valid: ({ world }) => ({
      params: world.orgParams,
      body: { name: `Created team ${unique()}`, group: "Contract area" },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "a key that is taken",
        request: { params: world.orgParams, body: { name: "Twin", key: world.team.key } },
        status: 409,
      },
    ],
  },
  [`GET ${TEAM}`]: {
    valid: ({ world }) => ({ params: { ...world.orgParams, teamId: world.team.key } }),
  },
  [`PATCH ${TEAM}`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, teamId: (await world.freshTeam()).id },
      body: { name: "Renamed team", description: null, group: "Contract area" },
    }),
    base: (world) => ({ params: teamParams(world), body: { name: "Contract Team" } }),
  },
  [`DELETE ${TEAM}`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, teamId: (await world.freshTeam()).id } }),
    base: (world) => ({ params: teamParams(world) }),
  },
  [`GET ${TEAM}/slots`]: { valid: ({ world }) => ({ params: teamParams(world) }) },
  [`POST ${TEAM}/slots`]: {
    valid: ({ world }) => ({
      params: teamParams(world),
      body: { role: "Designer", title: `Designer ${unique()}`, holderId: world.person.id },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "a holder that does not exist",
        request: { params: teamParams(world), body: { role: "Designer", holderId: "no-such-person" } },
        status: 404,
      },
    ],
  },
  [`GET ${TEAM}/slots/{slotId}`]: {
    valid: ({ world }) => ({ params: { ...teamParams(world), slotId: world.slot.key } }),
  },
  [`GET ${TEAM}/slots/{slotId}/candidates`]: {
    valid: ({ world }) => ({ params: { ...teamParams(world), slotId: world.slot.key }, query: { limit: "5" } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a limit above 100",
        request: { params: { ...teamParams(world), slotId: world.slot.key }, query: { limit: "101" } },
        status: 400,
      },
    ],
  },
  [`PATCH ${TEAM}/slots/{slotId}`]: {
    valid: async ({ world }) => ({
      params: { ...teamParams(world), slotId: (await freshSlot(world)).id },
      body: { holderId: world.person.id, title: "Staff designer", order: 0 },
    }),
    base: (world) => ({ params: { ...teamParams(world), slotId: world.slot.id }, body: { title: "Tech lead" } }),
  },
  [`DELETE ${TEAM}/slots/{slotId}`]: {
    valid: async ({ world }) => ({ params: { ...teamParams(world), slotId: (await freshSlot(world)).id } }),
    base: (world) => ({ params: { ...teamParams(world), slotId: world.slot.id } }),
  },
  [`PUT ${TEAM}/assignments`]: {
    valid: async ({ world }) => ({
      params: teamParams(world),
      body: { dutyId: world.duty.key, slotId: (await freshSlot(world)).id, level: "responsible", version: 0 },
    }),
    base: (world) => ({
      params: teamParams(world),
      body: { dutyId: world.duty.id, slotId: world.slot.id, level: "accountable" },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "a duty that does not exist",
        request: { params: teamParams(world), body: { dutyId: "no-such-duty", slotId: world.slot.id, level: null } },
        status: 404,
      },
      {
        label: "a stale version",
        request: {
          params: teamParams(world),
          body: { dutyId: world.duty.id, slotId: world.slot.id, level: "informed", version: 0 },
        },
        status: 409,
      },
    ],
  },
  [`POST ${TEAM}/restore`]: {
    // A team renamed since it was made, restored to before the rename.
    valid: async ({ world }) => {
      const team = await world.freshTeam();
      const params = { ...world.orgParams, teamId: team.id };
      await world.must(`PATCH ${TEAM}`, world.callers.owner, { params, body: { name: "Renamed before restore" } });
      const { groups } = await world.must<{ groups: { at: string; action: string }[] }>(
        `GET ${ORG}/journal`,
        world.callers.owner,
        { params: world.orgParams, query: { teamId: team.id } },
      );
      const created = Date.parse(groups.find((group) => group.action !== "team.update")!.at);
      const renamed = Date.parse(groups.find((group) => group.action === "team.update")!.at);
      return { params, body: { at: new Date(Math.floor((created + renamed) / 2)).toISOString() } };
    },
    base: (world) => ({ params: teamParams(world), body: { at: new Date().toISOString() } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a moment that is no date",
        request: { params: teamParams(world), body: { at: "yesterday" } },
        status: 400,
      },
      {
        label: "a moment before the team existed",
        request: { params: teamParams(world), body: { at: "2000-01-01T00:00:00Z" } },
        status: 409,
      },
    ],
  },
  [`POST ${TEAM}/raci-import`]: {
    // A preview: the same file for every caller, nothing written.
    valid: ({ world }) => ({ params: teamParams(world), form: () => raciForm("Duty,PO,PM\r\nProduct vision,A,R\r\n") }),
    base: (world) => ({ params: teamParams(world), form: () => raciForm("Duty,PO\r\nProduct vision,A\r\n") }),
    invalid: (world): TInvalid[] => [
      {
        label: "a file that is not a spreadsheet",
        request: { params: teamParams(world), form: () => raciForm("\u0000\u0001 not a sheet") },
        status: 400,
      },
      {
        label: "a sheet with no header",
        request: { params: teamParams(world), form: () => raciForm("just,text\r\nno,levels\r\n") },
        status: 400,
      },
      { label: "JSON instead of a form", request: { params: teamParams(world), body: { file: "x" } }, status: 400 },
    ],
  },
  [`POST ${TEAM}/apply-split`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, teamId: (await world.freshTeam()).id } }),
    base: (world) => ({ params: teamParams(world) }),
  },

  [`GET ${ORG}/people`]: { valid: orgOnly },
  [`POST ${ORG}/people`]: {
    valid: ({ world }) => ({
      params: world.orgParams,
      body: { name: `Created Person ${unique()}`, email: `p-${unique()}@example.test`, capacity: 0.8 },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "a key that is taken",
        request: { params: world.orgParams, body: { name: "Twin", key: world.person.key } },
        status: 409,
      },
    ],
  },
  [`GET ${ORG}/people/{personId}`]: {
    valid: ({ world }) => ({ params: { ...world.orgParams, personId: world.person.key } }),
  },
  [`PATCH ${ORG}/people/{personId}`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, personId: (await freshPerson(world)).id },
      body: { capacity: 0.5, email: null },
    }),
    base: (world) => ({ params: { ...world.orgParams, personId: world.person.id }, body: { capacity: 1 } }),
  },
  [`DELETE ${ORG}/people/{personId}`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, personId: (await freshPerson(world)).id } }),
    base: (world) => ({ params: { ...world.orgParams, personId: world.person.id } }),
  },

  [`GET ${ORG}/duties`]: { valid: orgOnly },
  [`POST ${ORG}/duties`]: {
    valid: ({ world }) => ({ params: world.orgParams, body: { name: `Created duty ${unique()}`, required: false } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a key that is taken",
        request: { params: world.orgParams, body: { name: "Twin", key: world.duty.key } },
        status: 409,
      },
    ],
  },
  [`GET ${ORG}/duties/{dutyId}`]: {
    valid: ({ world }) => ({ params: { ...world.orgParams, dutyId: world.duty.key } }),
  },
  [`PATCH ${ORG}/duties/{dutyId}`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, dutyId: (await freshDuty(world)).id },
      body: { description: "Changed", required: false },
    }),
    base: (world) => ({ params: { ...world.orgParams, dutyId: world.duty.id }, body: { required: true } }),
  },
  [`DELETE ${ORG}/duties/{dutyId}`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, dutyId: (await freshDuty(world)).id } }),
    base: (world) => ({ params: { ...world.orgParams, dutyId: world.duty.id } }),
  },

  [`GET ${ORG}/analysis`]: {
    valid: ({ world }) => ({ params: world.orgParams, query: { teamId: world.team.key } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a team that does not exist",
        request: { params: world.orgParams, query: { teamId: "no-such-team" } },
        status: 404,
      },
    ],
  },
  [`GET ${ORG}/rules`]: { valid: orgOnly },
  [`PATCH ${ORG}/rules`]: {
    // Calls run at once: each valid call changes the rules to the same settings, so that none sees another's change.
    valid: ({ world }) => ({ params: world.orgParams, body: RULE_CHANGES(world) }),
    invalid: INVALID_RULE_CHANGES,
  },
  [`POST ${ORG}/rules/preview`]: {
    valid: ({ world }) => ({ params: world.orgParams, body: RULE_CHANGES(world) }),
    invalid: INVALID_RULE_CHANGES,
  },
  [`GET ${ORG}/map`]: { valid: orgOnly },
  [`PUT ${ORG}/map`]: {
    // The map as it is, imported back: everything keeps its key, so its id, and the other calls are all done.
    valid: async ({ world }) => ({
      params: world.orgParams,
      body: await world.must(`GET ${ORG}/map`, world.callers.owner, { params: world.orgParams }),
    }),
    base: (world) => ({ params: world.orgParams, body: MAP_DOCUMENT }),
    isLast: true,
  },
  [`GET ${ORG}/state`]: {
    valid: ({ world }) => ({ params: world.orgParams, query: { teamId: world.team.id } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a moment that is no date",
        request: { params: world.orgParams, query: { at: "yesterday" } },
        status: 400,
      },
      {
        label: "a person who does not exist",
        request: { params: world.orgParams, query: { personId: "no-such-person" } },
        status: 404,
      },
    ],
  },
  [`GET ${ORG}/overview`]: {
    valid: ({ world }) => ({ params: world.orgParams, query: { at: new Date().toISOString() } }),
    invalid: (world): TInvalid[] => [
      { label: "a moment that is no date", request: { params: world.orgParams, query: { at: "soon" } }, status: 400 },
    ],
  },
  [`GET ${ORG}/structure`]: {
    valid: ({ world }) => ({ params: world.orgParams, query: { at: new Date().toISOString() } }),
    invalid: (world): TInvalid[] => [
      { label: "a moment that is no date", request: { params: world.orgParams, query: { at: "soon" } }, status: 400 },
    ],
  },
  [`GET ${ORG}/timeline`]: {
    valid: ({ world }) => ({
      params: world.orgParams,
      query: {
        from: new Date(Date.now() - 86_400_000).toISOString(),
        to: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "from after to",
        request: { params: world.orgParams, query: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } },
        status: 400,
      },
      { label: "a moment that is no date", request: { params: world.orgParams, query: { to: "later" } }, status: 400 },
    ],
  },
  [`GET ${ORG}/journal`]: {
    valid: ({ world }) => ({ params: world.orgParams, query: { kind: "assignment", limit: "10" } }),
    invalid: (world): TInvalid[] => [
      { label: "a limit of 0", request: { params: world.orgParams, query: { limit: "0" } }, status: 400 },
      {
        label: "from after to",
        request: { params: world.orgParams, query: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } },
        status: 400,
      },
    ],
  },
  [`GET ${ORG}/health-history`]: { valid: orgOnly },
  [`POST ${ORG}/journal/{entryId}/undo`]: {
    // The creation of a person of its own, undone.
    valid: async ({ world }) => {
      const person = await freshPerson(world);
      const { groups } = await world.must<{ groups: { groupId: string }[] }>(
        `GET ${ORG}/journal`,
        world.callers.owner,
        {
          params: world.orgParams,
          query: { personId: person.id },
        },
      );
      return { params: { ...world.orgParams, entryId: groups[0]!.groupId } };
    },
    base: (world) => ({ params: { ...world.orgParams, entryId: world.lastGroupId } }),
  },
  [`GET ${ORG}/drafts`]: { valid: orgOnly },
  [`POST ${ORG}/drafts`]: {
    valid: ({ world }) => ({ params: world.orgParams, body: { name: "Another plan", from: world.draft.id } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a draft to copy that does not exist",
        request: { params: world.orgParams, body: { name: "Copy", from: "no-such-draft" } },
        status: 404,
      },
    ],
  },
  [`POST ${ORG}/plans`]: {
    valid: ({ world }) => ({ params: world.orgParams, body: { clear: "errors_and_warnings", timeLimitSeconds: 5 } }),
    invalid: (world): TInvalid[] => [
      {
        label: "maxChanges below 1",
        request: { params: world.orgParams, body: { clear: "errors", maxChanges: 0 } },
        status: 400,
        field: "maxChanges",
      },
      {
        label: "a locked team that does not exist",
        request: { params: world.orgParams, body: { clear: "errors", lockedTeams: ["no-such-team"] } },
        status: 400,
        field: "lockedTeams[0]",
      },
    ],
  },
  [`GET ${DRAFT}`]: { valid: ({ world }) => ({ params: draftParams(world) }) },
  [`PATCH ${DRAFT}`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, draftId: (await world.freshDraft()).id },
      body: { name: "Renamed plan", description: "Why" },
    }),
    base: (world) => ({ params: draftParams(world), body: { name: "Contract plan" } }),
  },
  [`DELETE ${DRAFT}`]: {
    valid: async ({ world }) => ({ params: { ...world.orgParams, draftId: (await world.freshDraft()).id } }),
    base: (world) => ({ params: draftParams(world) }),
  },
  [`GET ${DRAFT}/map`]: { valid: ({ world }) => ({ params: draftParams(world) }) },
  [`PUT ${DRAFT}/map`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, draftId: (await world.freshDraft()).id },
      body: MAP_DOCUMENT,
    }),
    base: (world) => ({ params: draftParams(world), body: MAP_DOCUMENT }),
  },
  [`GET ${DRAFT}/analysis`]: { valid: ({ world }) => ({ params: draftParams(world) }) },
  [`GET ${DRAFT}/compare`]: {
    valid: ({ world }) => ({ params: draftParams(world), query: { with: "live" } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a draft to compare with that does not exist",
        request: { params: draftParams(world), query: { with: "no-such-draft" } },
        status: 404,
      },
    ],
  },
  [`POST ${DRAFT}/publish`]: {
    // A draft that renames a team of its own: publishing changes that one row of live.
    valid: async ({ world }) => {
      const team = await world.freshTeam();
      const draft = await world.freshDraft();
      await world.must(`PATCH ${TEAM}`, world.callers.owner, {
        params: { orgSlug: draft.slug, teamId: team.key },
        body: { name: "Planned team" },
      });
      return { params: { ...world.orgParams, draftId: draft.id }, body: {} };
    },
    base: (world) => ({ params: draftParams(world), body: {} }),
  },
  [`POST ${DRAFT}/schedule`]: {
    valid: async ({ world }) => ({
      params: { ...world.orgParams, draftId: (await world.freshDraft()).id },
      body: { at: inAnHour() },
    }),
    base: (world) => ({ params: draftParams(world), body: { at: inAnHour() } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a moment in the past",
        request: { params: draftParams(world), body: { at: "2020-01-01T00:00:00Z" } },
        status: 400,
      },
    ],
  },
  [`DELETE ${DRAFT}/schedule`]: {
    valid: async ({ world }) => {
      const draft = await world.freshDraft();
      await world.must(`POST ${DRAFT}/schedule`, world.callers.owner, {
        params: { ...world.orgParams, draftId: draft.id },
        body: { at: inAnHour() },
      });
      return { params: { ...world.orgParams, draftId: draft.id } };
    },
    base: (world) => ({ params: draftParams(world) }),
  },
  [`POST ${DRAFT}/submit`]: {
    // Reviewers are people who may review, not the submitter: the Manager, or the Owner when the Manager submits.
    valid: async ({ world, caller }) => ({
      params: { ...world.orgParams, draftId: (await world.freshDraft()).id },
      body: { reviewers: [(caller.name === "manager" ? world.callers.owner : world.callers.manager).user!.id] },
    }),
    base: (world) => ({ params: draftParams(world), body: { reviewers: [world.callers.manager.user!.id] } }),
    invalid: (world): TInvalid[] => [
      {
        label: "a reviewer who is not a member",
        request: { params: draftParams(world), body: { reviewers: [world.callers.outsider.user!.id] } },
        status: 400,
      },
      {
        label: "a Viewer as reviewer",
        request: { params: draftParams(world), body: { reviewers: [world.callers.viewer.user!.id] } },
        status: 400,
      },
    ],
  },
  [`POST ${DRAFT}/reviews`]: {
    // A draft submitted to the caller (by the Manager, or to the Manager when the caller is the Manager).
    valid: async ({ world, caller }) => {
      const draft = await world.freshDraft();
      const params = { ...world.orgParams, draftId: draft.id };
      const reviewer = reviewerFor(world, caller);
      const submitter = reviewer === world.callers.manager.user!.id ? world.callers.owner : world.callers.manager;
      await world.must(`POST ${DRAFT}/submit`, submitter, { params, body: { reviewers: [reviewer] } });
      return { params, body: { decision: "approve", comment: "Reads right." } };
    },
    base: (world) => ({ params: draftParams(world), body: { decision: "request_changes" } }),
  },
  [`GET ${ORG}/settings`]: { valid: orgOnly },
  [`PATCH ${ORG}/settings`]: {
    // Review stays off: other calls publish drafts of this organisation meanwhile.
    valid: ({ world }) => ({ params: world.orgParams, body: { approvalsRequired: 0, viewersMayComment: true } }),
    invalid: (world): TInvalid[] => [
      {
        label: "approvalsRequired -1",
        request: { params: world.orgParams, body: { approvalsRequired: -1 } },
        status: 400,
        field: "approvalsRequired",
      },
      { label: "nothing to change", request: { params: world.orgParams, body: {} }, status: 400 },
    ],
  },
  [`GET ${ORG}/comments`]: { valid: orgOnly },
  [`POST ${ORG}/comments`]: {
    valid: ({ world }) => ({
      params: world.orgParams,
      body: { target: { kind: "team", teamId: world.team.id }, body: `Who owns this? ${unique()}` },
    }),
    invalid: (world): TInvalid[] => [
      {
        label: "a team that does not exist",
        request: { params: world.orgParams, body: { target: { kind: "team", teamId: "no-such-team" }, body: "Hm" } },
        status: 400,
        field: "target.teamId",
      },
      {
        label: "a reply to a thread that does not exist",
        request: { params: world.orgParams, body: { threadId: "no-such-thread", body: "Hm" } },
        status: 400,
        field: "threadId",
      },
    ],
  },
  [`PATCH ${ORG}/comments/{commentId}`]: {
    valid: async (context) => ({ ...(await commentOf(context)), body: { body: "Edited." } }),
    base: (world) => ({ params: { ...world.orgParams, commentId: "no-such-comment-yet" }, body: { body: "Edited." } }),
  },
  [`DELETE ${ORG}/comments/{commentId}`]: {
    valid: commentOf,
    base: (world) => ({ params: { ...world.orgParams, commentId: "no-such-comment-yet" } }),
  },
  [`POST ${ORG}/comments/{commentId}/resolve`]: {
    valid: commentOf,
    base: (world) => ({ params: { ...world.orgParams, commentId: "no-such-comment-yet" } }),
  },
  [`POST ${ORG}/comments/{commentId}/reopen`]: {
    valid: commentOf,
    base: (world) => ({ params: { ...world.orgParams, commentId: "no-such-comment-yet" } }),
  },
  [`GET ${ORG}/events`]: { valid: orgOnly },
  [`POST ${ORG}/presence`]: {
    valid: ({ world }) => ({
      params: world.orgParams,
      body: { clientId: `tab-${unique()}`, path: `/${world.org.slug}`, focus: null },
    }),
  },
  [`GET ${ORG}/map.csv`]: { valid: orgOnly },
  [`GET ${ORG}/map.xlsx`]: { valid: orgOnly },
  [`GET ${ORG}/report.pdf`]: { valid: orgOnly },
  "GET /api/v1/openapi.json": { valid: () => ({}) },
};

/** Who reviews a draft that `caller` reviews: the caller when they may review (the Manager otherwise). */
function reviewerFor(world: TWorld, caller: TCaller): string {
  return (caller.name === "owner" ? world.callers.owner : world.callers.manager).user!.id;
}

/** A moment an hour from now: a schedule no test waits for. */
function inAnHour(): string {
  return new Date(Date.now() + 60 * 60_000).toISOString();
}

async function freshMember(world: TWorld): Promise<string> {
  const user = await createUser(db, { name: "Fresh Member" });
  await db.membership.create({ data: { organizationId: world.org.id, userId: user.id, role: "VIEWER" } });
  return user.id;
}

function freshSlot(world: TWorld) {
  return createSlot(db, { organizationId: world.org.id, teamId: world.team.id, role: "Designer" });
}

function freshPerson(world: TWorld) {
  return createPerson(db, { organizationId: world.org.id, name: "Fresh Person" });
}

function freshDuty(world: TWorld) {
  return createDuty(db, { organizationId: world.org.id, name: "Fresh duty" });
}

type TSchema = Record<string, unknown>;

function typesOf(schema: TSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as TSchema[]).flatMap(typesOf);
  if (schema.enum || schema.const !== undefined) return ["string"];
  return [];
}

const VALUES_BY_TYPE: [string, unknown][] = [
  ["number", 12345],
  ["string", "text"],
  ["boolean", true],
  ["array", []],
  ["object", {}],
];

/** A value of a type the schema does not allow, and one that breaks a constraint it sets. */
function invalidValues(schema: TSchema): { label: string; value: unknown }[] {
  const types = typesOf(schema);
  const values: { label: string; value: unknown }[] = [];
  const wrong = VALUES_BY_TYPE.find(
    ([type]) => !types.includes(type) && !(type === "number" && types.includes("integer")),
  );
  if (wrong && types.length > 0) values.push({ label: `a ${wrong[0]}`, value: wrong[1] });
  for (const variant of [schema, ...((schema.anyOf as TSchema[] | undefined) ?? [])]) {
    if (variant.enum || variant.const !== undefined) values.push({ label: "a value not allowed", value: "nonsense" });
    else if (typeof variant.maxLength === "number") {
      values.push({ label: "too long", value: "x".repeat(variant.maxLength + 1) });
    } else if (typeof variant.pattern === "string") values.push({ label: "a wrong pattern", value: "Not valid!" });
    else if (typeof variant.maximum === "number") values.push({ label: "too large", value: variant.maximum + 1 });
  }
  return values.slice(0, 2);
}

/** Query values the parameter's schema refuses (a query value is always text). */
function invalidQueryValues(schema: TSchema): { label: string; value: string }[] {
  const values: { label: string; value: string }[] = [];
  if (schema.enum) values.push({ label: "a value not allowed", value: "nonsense" });
  if (schema.type === "integer" || schema.type === "number") values.push({ label: "not a number", value: "abc" });
  if (typeof schema.maximum === "number") values.push({ label: "too large", value: String(schema.maximum + 1) });
  if (typeof schema.maxLength === "number") {
    values.push({ label: "too long", value: "x".repeat(schema.maxLength + 1) });
  }
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test("Not valid!")) {
    values.push({ label: "a wrong pattern", value: "Not valid!" });
  }
  return values;
}

/** The largest request body, as the document says it ("JSON, at most 20 MB."), or 1 MB. */
function bodyLimit(description = ""): number {
  const match = /at most ([\d.,]+) (MB|kB)/.exec(description);
  if (!match) return 1_000_000;
  return Number(match[1]!.replaceAll(",", "")) * (match[2] === "MB" ? 1_000_000 : 1_000);
}

/** Invalid requests read off the document: unknown ids, and bodies and queries its schemas refuse. */
function derivedInvalid(contract: TContract, operation: TOperation, base: TRequest): TInvalid[] {
  const invalid: TInvalid[] = [];
  for (const name of operation.pathParameters) {
    invalid.push({
      label: `an unknown {${name}}`,
      request: { ...base, params: { ...base.params, [name]: `no-such-${name.toLowerCase()}` } },
      status: 404,
    });
  }
  for (const parameter of operation.queryParameters) {
    for (const { label, value } of invalidQueryValues(parameter.schema)) {
      invalid.push({
        label: `${parameter.name}: ${label}`,
        request: { ...base, query: { [parameter.name]: value } },
        status: 400,
      });
    }
  }
  // Every write refuses a body larger than its limit, even one that reads no body: 1 MB unless the document says
  // more (such bodies are too big to send for every caller).
  const limit = bodyLimit(operation.requestDescription);
  if (operation.method !== "GET" && operation.responses["413"] && limit <= 2_000_000) {
    const rawBody = JSON.stringify({ padding: "x".repeat(limit) });
    invalid.push({ label: "a body over the limit", request: { ...base, body: undefined, rawBody }, status: 413 });
  }
  const schema = operation.requestSchema;
  if (!schema) return invalid;
  const body = (base.body ?? {}) as TSchema;
  const bodies: { label: string; body?: unknown; rawBody?: string; field?: string }[] = [
    { label: "a body that is not JSON", rawBody: "{" },
    { label: "a JSON array for a body", body: [] },
    { label: "a JSON string for a body", body: "text" },
  ];
  if (Array.isArray(schema.required) && schema.required.length > 0) bodies.push({ label: "an empty object", body: {} });
  if (schema.additionalProperties === false) {
    bodies.push({ label: "a field the document does not have", body: { ...body, notAField: 1 } });
  }
  for (const [field, fieldSchema] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
    for (const { label, value } of invalidValues(fieldSchema)) {
      bodies.push({ label: `${field}: ${label}`, body: { ...body, [field]: value }, field });
    }
  }
  for (const { label, body: invalidBody, rawBody, field } of bodies) {
    // Only what the document itself refuses: the test must not make up rules of its own.
    if (rawBody === undefined && contract.isValidRequestBody(operation, invalidBody)) continue;
    const request = rawBody === undefined ? { ...base, body: invalidBody } : { ...base, body: undefined, rawBody };
    invalid.push({ label, request, status: 400, field });
  }
  return invalid;
}

type TTask = { label: string; run: () => Promise<void> };

/** Runs the tasks, `concurrency` at a time; one that throws (a setup call that failed) is a problem, not the end. */
async function runAll(tasks: TTask[], concurrency: number, problems: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        await task.run().catch((error: unknown) => problems.push(`${task.label}: ${(error as Error).message}`));
      }
    }),
  );
}

test("every operation of the served OpenAPI document answers every caller as the document says", async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const started = Date.now();
  const problems: string[] = [];
  const coverage = new Coverage();
  const contract = await loadContract(baseURL!);
  const client = new ContractClient(baseURL!, contract, coverage, (problem) => problems.push(problem));
  const world = await createWorld(baseURL!, contract, client);
  const callers = CALLER_NAMES.map((name) => world.callers[name]);

  const problem = (operation: TOperation, caller: TCaller, request: TRequest, text: string) =>
    problems.push(`${client.describe(operation, caller, request)}: ${text}`);

  const tasks: TTask[] = [];
  const lastTasks: TTask[] = [];
  for (const operation of contract.operations) {
    const recipe = RECIPES[operation.key];
    if (!recipe) {
      problems.push(`${operation.key}: an operation of the document this test does not know how to call`);
      continue;
    }
    if (operation.successes.length === 0) problems.push(`${operation.key}: the document lists no success`);
    const queue = recipe.isLast ? lastTasks : tasks;

    for (const caller of callers) {
      queue.push({
        label: `${operation.key} as ${caller.name}`,
        run: async () => {
          const request = await recipe.valid({ world, caller });
          if (request.body !== undefined && !contract.isValidRequestBody(operation, request.body)) {
            problem(operation, caller, request, "the valid request is not valid by the document's request schema");
          }
          const expected = expectedStatus(operation, caller);
          const answer = await client.call(operation, caller, request);
          if (answer.status !== expected) {
            problem(
              operation,
              caller,
              request,
              `answered ${answer.status} ${answer.text.slice(0, 300)}, expected ${expected}`,
            );
          }
        },
      });
    }

    // Invalid requests, by callers allowed to make the valid one (a person and, where they may, a token).
    const base = recipe.base?.(world);
    const invalidCallers = [world.callers.owner, world.callers["manager-token"], world.callers.anonymous]
      .filter((caller) => expectedStatus(operation, caller) === operation.successes[0])
      .slice(0, 2);
    for (const caller of invalidCallers) {
      queue.push({
        label: `${operation.key} as ${caller.name}, invalid requests`,
        run: async () => {
          const request = base ?? (await recipe.valid({ world, caller }));
          const invalid = [...derivedInvalid(contract, operation, request), ...(recipe.invalid?.(world) ?? [])];
          for (const { label, request: bad, status, field } of invalid) {
            const answer = await client.call(operation, caller, bad);
            if (answer.status !== status) {
              problem(
                operation,
                caller,
                bad,
                `(${label}) answered ${answer.status} ${answer.text.slice(0, 300)}, expected ${status}`,
              );
            }
            const fields = (answer.body as { error?: { fields?: Record<string, unknown> } }).error?.fields ?? {};
            if (
              answer.status === 400 &&
              field &&
              !Object.keys(fields).some((key) => key === field || key.startsWith(`${field}.`))
            ) {
              problem(
                operation,
                caller,
                bad,
                `(${label}) error.fields does not name "${field}": ${JSON.stringify(fields)}`,
              );
            }
          }
        },
      });
    }

    // A signed-in browser's write from another site is refused before anything happens.
    if (operation.method !== "GET") {
      queue.push({
        label: `${operation.key} cross-site`,
        run: async () => {
          const request = {
            ...(base ?? (await recipe.valid({ world, caller: world.callers.owner }))),
            isCrossSite: true,
          };
          const answer = await client.call(operation, world.callers.owner, request);
          if (answer.status !== 403) {
            problem(operation, world.callers.owner, request, `answered ${answer.status}, expected 403`);
          }
        },
      });
    }
  }
  await runAll(tasks, 4, problems);
  await runAll(lastTasks, 1, problems);

  for (const operation of contract.operations) {
    const seen = coverage.statuses.get(operation.key);
    if (!seen) problems.push(`${operation.key}: never called`);
    for (const success of operation.successes) {
      if (!seen?.has(success)) problems.push(`${operation.key}: its documented ${success} was never seen`);
    }
  }
  for (const name of CALLER_NAMES) if (!coverage.callers.has(name)) problems.push(`caller ${name} never called`);

  const summary = `${coverage.summary(contract.operations.length)} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  console.log(summary);
  await test.info().attach("api-contract", {
    body: [summary, "", ...problems].join("\n"),
    contentType: "text/plain",
  });
  expect(problems, `${problems.length} answers differ from the document:\n${problems.join("\n")}`).toEqual([]);
});
