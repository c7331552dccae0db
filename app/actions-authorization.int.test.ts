// The authorisation matrix for server actions. Each exported action is called as Next.js calls it, by a browser
// signed in through Auth.js as every kind of caller (lib/auth.ts reads the session cookie itself), and the test
// checks what the action wrote, or that a refused action left the database as it was. A server action that exists
// but is missing here fails the last test.

// First: it sets up the request scope that Next.js's modules capture when they load.
import {
  callAction,
  cookieHeader,
  newBrowser,
  signedInBrowser,
  type TBrowser,
} from "@/lib/server/testing/action-request";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { signInAction, signInWithProviderAction, signOutAction, signUpAction } from "@/app/(auth)/actions";
import { acceptInvitationAction } from "@/app/(auth)/invitations/[token]/actions";
import { createOrganizationAction } from "@/app/(app)/orgs/new/actions";
import { db } from "@/lib/db";
import type { TPermission, TRole } from "@/lib/domain/roles";
import type { TActionState } from "@/lib/errors";
import { sessionUserFromHeaders } from "@/lib/server/auth/resolve-actor";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { accountRows } from "@/lib/server/testing/account-rows";
import { filesNamed } from "@/lib/server/testing/files";
import { TEST_ORIGIN } from "@/lib/server/testing/http";
import { createOrganization, createUser } from "@/prisma/factories";

const CALLERS = ["anonymous", "owner", "manager", "viewer", "outsider"] as const;
type TCaller = (typeof CALLERS)[number];
type TOutcome = "ok" | "unauthenticated" | "forbidden" | "not_found";
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
const ROLE: Partial<Record<TCaller, TRole>> = { owner: "OWNER", manager: "MANAGER", viewer: "VIEWER" };

// What a refused caller reads: who they are decides the answer, never what they asked for.
const REFUSALS: Record<Exclude<TOutcome, "ok">, RegExp> = {
  unauthenticated: /^Sign in, or send an API token, to do this\.$/,
  forbidden: /^As (Manager|Viewer) of .+ you cannot .+\. Ask an Owner\.$/,
  not_found: /^There is no organisation at this address, or you are not a member of it\.$/,
};

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createWorld() {
  const [owner, manager, viewer, outsider] = await Promise.all(
    ["Olive Owner", "Manny Manager", "Vic Viewer", "Otto Outsider"].map((name) => createUser(db, { name })),
  );
  const org = await createOrganization(db, {
    name: "Matrix Org",
    members: [
      { userId: owner!.id, role: "OWNER" },
      { userId: manager!.id, role: "MANAGER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganization(db, { members: [{ userId: outsider!.id, role: "OWNER" }] });
  const users = { owner: owner!, manager: manager!, viewer: viewer!, outsider: outsider! };
  const invitation = await createInvitation({
    actor: { kind: "user", userId: owner!.id, email: owner!.email, name: owner!.name },
    orgSlug: org.slug,
    email: outsider!.email,
    role: "VIEWER",
    origin: TEST_ORIGIN,
  });
  return {
    users,
    org,
    other,
    invitation,
    invitationSecret: invitation.link.split("/").pop()!,
    // Names the test asks actions to create, so that it can look for them afterwards.
    newSlug: `act-${unique()}`,
    newEmail: `invitee-${unique()}@example.test`,
  };
}
type TWorld = Awaited<ReturnType<typeof createWorld>>;

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return formData;
}

/** Everything an action of this file could change: what a refused call must leave as it was. */
function snapshot(world: TWorld) {
  return accountRows({
    organizationIds: [world.org.id, world.other.id],
    userIds: Object.values(world.users).map((user) => user.id),
    slugs: [world.newSlug],
    emails: [world.newEmail],
  });
}

type TCall = { result?: TActionState; redirectedTo?: string; revalidated: string[] };
type TEntry = {
  action: string;
  permission?: TPermission;
  expected?: Record<TCaller, TOutcome>;
  /** Refusals this action words its own way. */
  refusals?: Partial<typeof REFUSALS>;
  /** Which page the action is called from. */
  path: (world: TWorld) => string;
  run: (world: TWorld) => Promise<TActionState | void>;
  /** What the action must have done when it was allowed to. */
  wrote: (world: TWorld, call: TCall, caller: TCaller) => Promise<void>;
};

const userOf = (world: TWorld, caller: TCaller) => world.users[caller as Exclude<TCaller, "anonymous">];

const ACTIONS: TEntry[] = [
  {
    action: "app/(app)/orgs/new/actions.ts#createOrganizationAction",
    expected: { anonymous: "unauthenticated", owner: "ok", manager: "ok", viewer: "ok", outsider: "ok" },
    path: () => "/orgs/new",
    run: (world) => createOrganizationAction({}, form({ name: "Brand New", slug: world.newSlug })),
    async wrote(world, call, caller) {
      expect(call.redirectedTo).toBe(`/${world.newSlug}`);
      const created = await db.organization.findUniqueOrThrow({
        where: { slug: world.newSlug },
        select: { id: true, name: true, members: { select: { userId: true, role: true } } },
      });
      expect(created).toMatchObject({
        name: "Brand New",
        members: [{ userId: userOf(world, caller).id, role: "OWNER" }],
      });
      // The default duty catalogue came with it, recorded in the journal as the caller's.
      const journal = await db.journalEntry.findMany({ where: { organizationId: created.id } });
      expect(journal.length).toBeGreaterThan(0);
      for (const entry of journal) {
        expect(entry).toMatchObject({
          action: "organization.create",
          actorKind: "user",
          actorId: userOf(world, caller).id,
        });
      }
    },
  },
  {
    action: "app/(auth)/invitations/[token]/actions.ts#acceptInvitationAction",
    // The invitation is for the outsider's email; people signed in with other emails are refused.
    expected: {
      anonymous: "unauthenticated",
      owner: "forbidden",
      manager: "forbidden",
      viewer: "forbidden",
      outsider: "ok",
    },
    refusals: { forbidden: /^This invitation is for .+, but you are signed in as .+\. Sign in with that email\.$/ },
    path: (world) => `/invitations/${world.invitationSecret}`,
    run: (world) => acceptInvitationAction(world.invitationSecret, {}),
    async wrote(world, call) {
      expect(call.redirectedTo).toBe(`/${world.org.slug}`);
      const membership = await db.membership.findFirstOrThrow({
        where: { organizationId: world.org.id, userId: world.users.outsider.id },
      });
      expect(membership.role).toBe("VIEWER");
      const invitation = await db.invitation.findUniqueOrThrow({ where: { id: world.invitation.id } });
      expect(invitation.acceptedAt).toBeInstanceOf(Date);
    },
  },
];

function expectedOutcome(entry: TEntry, caller: TCaller): TOutcome {
  if (entry.expected) return entry.expected[caller];
  if (caller === "anonymous") return "unauthenticated";
  const role = ROLE[caller];
  if (!role) return "not_found";
  return ALLOWED_ROLES[entry.permission!].includes(role) ? "ok" : "forbidden";
}

async function browserOf(world: TWorld, caller: TCaller): Promise<TBrowser> {
  return caller === "anonymous" ? newBrowser() : signedInBrowser(userOf(world, caller));
}

for (const entry of ACTIONS) {
  describe(entry.action, () => {
    it.each(CALLERS)("as %s", async (caller) => {
      const world = await createWorld();
      const browser = await browserOf(world, caller);
      const expected = expectedOutcome(entry, caller);
      const before = await snapshot(world);
      const call = await callAction(browser, () => entry.run(world), { path: entry.path(world) });
      if (expected === "ok") {
        await entry.wrote(world, call as TCall, caller);
        return;
      }
      const refusal = entry.refusals?.[expected] ?? REFUSALS[expected];
      expect(call).toMatchObject({ result: { ok: false, message: expect.stringMatching(refusal) } });
      expect(call.revalidated).toEqual([]);
      expect(await snapshot(world)).toEqual(before);
    });
  });
}

/** Who the browser's session cookie signs in, as every page and route reads it; null when nobody. */
async function signedInAs(browser: TBrowser): Promise<string | null> {
  const user = await sessionUserFromHeaders(new Headers({ cookie: cookieHeader(browser) }));
  return user?.email ?? null;
}

const openSessions = (userId: string) => db.userSession.count({ where: { userId } });

/** Headers that put browsers on one network, from which ten sign-ins just failed (SIGN_IN_FAILURES' limit). */
async function networkThatFailedToSignIn() {
  const network = { "x-forwarded-for": newBrowser().address };
  for (let attempt = 0; attempt < 10; attempt++) {
    const wrong = form({
      email: `nobody-${unique()}@example.test`,
      password: "not anybody's password",
      redirectTo: "/",
    });
    await callAction(newBrowser(), () => signInAction({}, wrong), { headers: network });
  }
  return network;
}

// Actions open to anyone: they sign in, sign up or sign out, and check the credentials themselves.
describe("app/(auth)/actions.ts#signInAction", () => {
  it("signs in with the right password: a session cookie and a server-side session, then the page asked for", async () => {
    const user = await createUser(db);
    const browser = newBrowser();
    const call = await callAction(browser, () =>
      signInAction({}, form({ email: user.email, password: "correct horse battery staple", redirectTo: "/orgs/new" })),
    );
    expect(call.redirectedTo).toBe(`${TEST_ORIGIN}/orgs/new`);
    expect(await signedInAs(browser)).toBe(user.email);
    expect(await openSessions(user.id)).toBe(1);
  });

  it.each(["//evil.example", "https://evil.example/", "/\\evil.example"])(
    "never sends the user off the site (redirectTo %s)",
    async (redirectTo) => {
      const user = await createUser(db);
      const call = await callAction(newBrowser(), () =>
        signInAction({}, form({ email: user.email, password: "correct horse battery staple", redirectTo })),
      );
      expect(call.redirectedTo).toBe(`${TEST_ORIGIN}/`);
    },
  );

  it("refuses even the right password from a network that failed too often, and says when to try again", async () => {
    const user = await createUser(db);
    const network = await networkThatFailedToSignIn();
    const browser = newBrowser();
    const call = await callAction(
      browser,
      () => signInAction({}, form({ email: user.email, password: "correct horse battery staple", redirectTo: "/" })),
      { headers: network },
    );
    expect(call.result).toMatchObject({ ok: false, message: expect.stringMatching(/Wait 15 minutes/) });
    expect(await signedInAs(browser)).toBeNull();
    expect(await openSessions(user.id)).toBe(0);
  });

  it("refuses a wrong password: no cookie, no session", async () => {
    const user = await createUser(db);
    const browser = newBrowser();
    const call = await callAction(browser, () =>
      signInAction({}, form({ email: user.email, password: "not the password at all", redirectTo: "/" })),
    );
    expect(call.result).toMatchObject({ ok: false, message: expect.stringMatching(/do not match an account/) });
    expect(await signedInAs(browser)).toBeNull();
    expect(await openSessions(user.id)).toBe(0);
  });
});

describe("app/(auth)/actions.ts#signUpAction", () => {
  it("creates the account and signs it in", async () => {
    const email = `new-${unique()}@example.test`;
    const browser = newBrowser();
    const call = await callAction(browser, () =>
      signUpAction({}, form({ name: "Nina New", email, password: "a fine long passphrase", redirectTo: "/orgs/new" })),
    );
    expect(call.redirectedTo).toBe(`${TEST_ORIGIN}/orgs/new`);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Nina New");
    expect(await signedInAs(browser)).toBe(email);
  });

  it("creates the account from a network that failed to sign in too often, and says to sign in later", async () => {
    const network = await networkThatFailedToSignIn();
    const email = `new-${unique()}@example.test`;
    const browser = newBrowser();
    const call = await callAction(
      browser,
      () => signUpAction({}, form({ name: "Nina New", email, password: "a fine long passphrase", redirectTo: "/" })),
      { headers: network },
    );
    expect(call.result).toEqual({
      ok: true,
      message: expect.stringMatching(/^Your account is created\. .+ sign in\.$/),
    });
    expect(await db.user.findUnique({ where: { email } })).not.toBeNull();
    expect(await signedInAs(browser)).toBeNull();
  });

  it("refuses an email that has an account, and leaves that account as it was", async () => {
    const existing = await createUser(db);
    const before = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    const browser = newBrowser();
    const call = await callAction(browser, () =>
      signUpAction(
        {},
        form({ name: "Impostor", email: existing.email, password: "another passphrase", redirectTo: "/" }),
      ),
    );
    expect(call.result).toMatchObject({ ok: false, fields: { email: [expect.stringMatching(/already exists/)] } });
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(before);
    expect(await signedInAs(browser)).toBeNull();
  });
});

describe("app/(auth)/actions.ts#signOutAction", () => {
  it.each(CALLERS.filter((caller) => caller !== "anonymous"))(
    "as %s: ends the server-side session, so the cookie, even a copy of it, signs nobody in",
    async (caller) => {
      const world = await createWorld();
      const user = userOf(world, caller);
      const browser = await signedInBrowser(user);
      // The cookie copied to another device.
      const copy: TBrowser = { ...newBrowser(), cookies: new Map(browser.cookies) };
      expect(await openSessions(user.id)).toBe(1);

      const call = await callAction(browser, () => signOutAction(), { path: "/orgs/new" });
      expect(call.redirectedTo).toBe(`${TEST_ORIGIN}/`);
      expect(await openSessions(user.id)).toBe(0);
      expect(await signedInAs(browser)).toBeNull();
      expect(await signedInAs(copy)).toBeNull();
      // The copied cookie cannot act either.
      const afterwards = await callAction(copy, () =>
        createOrganizationAction({}, form({ name: "Too Late", slug: world.newSlug })),
      );
      expect(afterwards.result).toMatchObject({ ok: false, message: expect.stringMatching(REFUSALS.unauthenticated) });
      expect(await db.organization.findUnique({ where: { slug: world.newSlug } })).toBeNull();
    },
  );

  it("as anonymous: goes home, and ends no one's session", async () => {
    const world = await createWorld();
    const browser = await signedInBrowser(world.users.owner);
    const call = await callAction(newBrowser(), () => signOutAction());
    expect(call.redirectedTo).toBe(`${TEST_ORIGIN}/`);
    expect(await signedInAs(browser)).toBe(world.users.owner.email);
  });
});

describe("app/(auth)/actions.ts#signInWithProviderAction", () => {
  const providerForm = (provider: string) => form({ provider, redirectTo: "/orgs/new" });
  const backToSignIn = `/sign-in?callbackUrl=${encodeURIComponent("/orgs/new")}`;

  it.each(["github", "credentials", "", "../../evil"])(
    "with no provider configured, sends %j back to the sign-in page, signed in as nobody",
    async (provider) => {
      const browser = newBrowser();
      const call = await callAction(browser, () => signInWithProviderAction(providerForm(provider)), {
        path: "/sign-in",
      });
      expect(call.redirectedTo).toBe(backToSignIn);
      expect(await signedInAs(browser)).toBeNull();
    },
  );

  describe("with GitHub and single sign-on configured", () => {
    // lib/auth.ts reads the providers' variables once, when it loads: load the actions afresh with them set.
    async function configuredActions(oidcIssuer: string) {
      vi.stubEnv("AUTH_GITHUB_ID", "github-client-id");
      vi.stubEnv("AUTH_GITHUB_SECRET", "github-client-secret");
      vi.stubEnv("AUTH_OIDC_ISSUER", oidcIssuer);
      vi.stubEnv("AUTH_OIDC_ID", "oidc-client-id");
      vi.stubEnv("AUTH_OIDC_SECRET", "oidc-client-secret");
      vi.resetModules();
      try {
        return await import("@/app/(auth)/actions");
      } finally {
        vi.unstubAllEnvs();
      }
    }

    it("sends the user to GitHub's authorisation page, to come back to Remit's callback", async () => {
      const actions = await configuredActions("http://127.0.0.1:4299/unused");
      const browser = newBrowser();
      const call = await callAction(browser, () => actions.signInWithProviderAction(providerForm("github")), {
        path: "/sign-in",
      });
      const authorize = new URL(call.redirectedTo!);
      expect(`${authorize.origin}${authorize.pathname}`).toBe("https://github.com/login/oauth/authorize");
      expect(authorize.searchParams.get("client_id")).toBe("github-client-id");
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${TEST_ORIGIN}/api/auth/callback/github`);
      expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
      // The PKCE verifier waits in a cookie for the callback; nobody is signed in yet.
      expect(browser.cookies.has("authjs.pkce.code_verifier")).toBe(true);
      expect(await signedInAs(browser)).toBeNull();
    });

    it("sends an unknown provider, or the password one, back to the sign-in page", async () => {
      const actions = await configuredActions("http://127.0.0.1:4299/unused");
      for (const provider of ["google", "credentials"]) {
        const call = await callAction(newBrowser(), () => actions.signInWithProviderAction(providerForm(provider)));
        expect(call.redirectedTo, provider).toBe(backToSignIn);
      }
    });

    it("comes back to the sign-in page, which says why, when the identity provider cannot be reached", async () => {
      // Nothing listens on this port of the test's range.
      const actions = await configuredActions("http://127.0.0.1:4299/issuer");
      // Auth.js logs the failed discovery request.
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const call = await callAction(newBrowser(), () => actions.signInWithProviderAction(providerForm("oidc")));
      logged.mockRestore();
      expect(call.redirectedTo).toBe(`${TEST_ORIGIN}/sign-in?error=Configuration`);
    });
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
    const publicActions = ["signInAction", "signUpAction", "signInWithProviderAction", "signOutAction"].map(
      (name) => `app/(auth)/actions.ts#${name}`,
    );
    expect([...ACTIONS.map((entry) => entry.action), ...publicActions].sort()).toEqual(found.sort());
  });
});
