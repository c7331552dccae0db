// Hostile input for every server action: random and adversarial form fields and bound arguments (wrong types,
// files for text, repeated and missing fields, huge and odd unicode text, other organisations' ids, unsafe
// redirect targets). The actions are called as Next.js calls them, by a browser signed in through Auth.js (nothing
// of lib/auth.ts, Auth.js or Next.js is replaced). Whatever comes in, an action succeeds (state `ok`, or a redirect
// to a page of this site), or answers a message a person can act on (never the generic "went wrong" one) and
// leaves the database as it was; no outcome changes the other organisation's rows. An exported action missing
// from ACTIONS fails the last test.
// Each runs with a fixed seed and a random one; FUZZ_RUNS and FUZZ_SEED as in lib/server/testing/fuzz.ts.

// First: it sets up the request scope that Next.js's modules capture when they load.
import { callAction, newBrowser, signedInBrowser, type TBrowser } from "@/lib/server/testing/action-request";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signUpAction, signInAction, signInWithProviderAction, signOutAction } from "@/app/(auth)/actions";
import { acceptInvitationAction } from "@/app/(auth)/invitations/[token]/actions";
import { createOrganizationAction } from "@/app/(app)/orgs/new/actions";
import { db } from "@/lib/db";
import { toAppError, type TActionState } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { accountRows } from "@/lib/server/testing/account-rows";
import { filesNamed } from "@/lib/server/testing/files";
import { assertFuzz } from "@/lib/server/testing/fuzz";
import { TEST_ORIGIN } from "@/lib/server/testing/http";
import { createApiTokenFor, createOrganization, createUser } from "@/prisma/factories";

const SIGN_UP_DOMAIN = `fuzz-actions-${Date.now().toString(36)}.example.test`;
const GENERIC_MESSAGE = toAppError(new Error("anything unexpected")).message;
// zod's own messages ("Invalid input: expected string, received number") say what broke, not what to enter.
const ZOD_DEFAULT_MESSAGE =
  /^(Invalid input|Invalid (key|option|element|string|value)|Too (small|big)|Unrecognized key)/;

async function createWorld() {
  const [owner, viewer, guest, outsider] = await Promise.all(
    ["Olivia Owner", "Vera Viewer", "Gus Guest", "Otto Outsider"].map((name) => createUser(db, { name })),
  );
  const org = await createOrganization(db, {
    members: [
      { userId: owner!.id, role: "OWNER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const other = await createOrganization(db, { members: [{ userId: outsider!.id, role: "OWNER" }] });
  const actor = (user: { id: string; email: string; name: string }): TActor => ({
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
  });
  const invite = (by: TActor, orgSlug: string, email: string) =>
    createInvitation({ actor: by, orgSlug, email, role: "VIEWER", origin: TEST_ORIGIN });
  const pending = await invite(actor(owner!), org.slug, `pending-${Date.now()}@example.test`);
  const forGuest = await invite(actor(owner!), org.slug, guest!.email);
  const theirs = await invite(actor(outsider!), other.slug, `theirs-${Date.now()}@example.test`);
  const token = await createApiTokenFor(db, { organizationId: org.id, createdById: owner!.id, role: "VIEWER" });
  const otherToken = await createApiTokenFor(db, {
    organizationId: other.id,
    createdById: outsider!.id,
    role: "VIEWER",
  });
  const linkToken = (invitation: { link: string }) => invitation.link.split("/").pop()!;
  return {
    org,
    other,
    users: [owner!, viewer!, guest!, outsider!],
    outsider: outsider!,
    // Who calls: nobody, the Owner, or the guest the invitation is for (signed in through Auth.js).
    callers: { anonymous: null, owner: owner!, guest: guest! },
    // Bound arguments: a value of this organisation, and one of the other.
    args: {
      orgSlug: { ours: org.slug, theirs: other.slug },
      userId: { ours: viewer!.id, theirs: outsider!.id },
      invitationId: { ours: pending.id, theirs: theirs.id },
      tokenId: { ours: token.id, theirs: otherToken.id },
      token: { ours: linkToken(forGuest), theirs: linkToken(theirs) },
    },
  };
}
type TWorld = Awaited<ReturnType<typeof createWorld>>;
type TArgName = keyof TWorld["args"];

const NASTY_TEXT = [
  "",
  " ",
  "\u0000",
  "id\u0000",
  "\ud800",
  "\u202eevil\u202c",
  "😀👩‍👩‍👧‍👦",
  "'; DROP TABLE membership; --",
  "<script>window.__xss=1</script>",
  '"><img src=x onerror="window.__xss=1">',
  "__proto__",
  "constructor",
  "NaN",
  "1e309",
  "a".repeat(10_000),
];
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 2_000 }) },
);
const anyOf = <T>(...values: T[]) => fc.constantFrom(...values);

/**
 * A bound argument: mostly the right value, else the other organisation's, or anything at all (a page binds text,
 * but a crafted request can send any value the action protocol carries).
 */
const argument = (world: TWorld, name: TArgName): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(world.args[name].ours) },
    { weight: 1, arbitrary: fc.constant(world.args[name].theirs) },
    { weight: 2, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, -1, true, {}, [], ["a"], { id: "x" }) },
  );

type TFormValue = string | { file: string };
/** Form fields, each plausible or hostile, left out, repeated or a file; and a few fields nobody asked for. */
function formArbitrary(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<[string, TFormValue][]> {
  const value = (plausible: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 4, arbitrary: plausible.map((text): TFormValue => text) },
      { weight: 2, arbitrary: hostileText.map((text): TFormValue => text) },
      { weight: 1, arbitrary: hostileText.map((text): TFormValue => ({ file: text })) },
    );
  const perField = Object.entries(fields).map(([name, plausible]) =>
    fc.array(value(plausible), { minLength: 0, maxLength: 2 }).map((values) => values.map((v) => [name, v] as const)),
  );
  const extra = fc.array(
    fc.tuple(
      hostileText,
      hostileText.map((text): TFormValue => text),
    ),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.tuple(...perField), extra)
    .map(([known, unknown]) => [...known.flat(), ...unknown].map(([name, v]) => [name, v] as [string, TFormValue]));
}

function toFormData(entries: [string, TFormValue][]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === "string") formData.append(name, value);
    else formData.append(name, new Blob([value.file]), "upload.txt");
  }
  return formData;
}

const name = fc.oneof(anyOf("Acme", "Ünïcödé Ltd"), fc.string({ minLength: 1, maxLength: 40 }));
const redirectTo = anyOf(
  "/",
  "/orgs/new",
  "//evil.example",
  "https://evil.example/",
  "/\\evil.example",
  "javascript:x",
);
const email = fc.oneof(fc.emailAddress(), anyOf("someone@example.test", "no-at-sign"));
const signUpEmail = fc.stringMatching(/^[a-z]{1,10}$/).map((local) => `${local}@${SIGN_UP_DOMAIN}`);
const password = fc.oneof(
  anyOf("a fine long passphrase", "correct horse battery staple"),
  fc.string({ minLength: 10 }),
);

type TInput = { args: unknown[]; form: [string, TFormValue][] };
type TEntry = {
  caller: keyof TWorld["callers"];
  input: (world: TWorld) => fc.Arbitrary<TInput>;
  run: (input: TInput) => Promise<TActionState | void>;
};

const noForm = fc.constant<[string, TFormValue][]>([]);
const withArgs = (world: TWorld, names: TArgName[], form = noForm) =>
  fc.record({ args: fc.tuple(...names.map((argName) => argument(world, argName))), form });
const EMPTY: TActionState = {};

const ACTIONS: Record<string, TEntry> = {
  "app/(app)/orgs/new/actions.ts#createOrganizationAction": {
    caller: "owner",
    input: (w) => withArgs(w, [], formArbitrary({ name, slug: fc.stringMatching(/^fz-[a-z0-9]{2,12}$/) })),
    run: ({ form }) => createOrganizationAction(EMPTY, toFormData(form)),
  },
  "app/(auth)/invitations/[token]/actions.ts#acceptInvitationAction": {
    caller: "guest",
    input: (w) => withArgs(w, ["token"]),
    run: ({ args: [token] }) => acceptInvitationAction(token as string, EMPTY),
  },
  "app/(auth)/actions.ts#signInAction": {
    caller: "anonymous",
    input: (w) =>
      withArgs(w, [], formArbitrary({ email: fc.oneof(email, anyOf(w.users[0]!.email)), password, redirectTo })),
    run: ({ form }) => signInAction(EMPTY, toFormData(form)),
  },
  "app/(auth)/actions.ts#signUpAction": {
    caller: "anonymous",
    input: (w) => withArgs(w, [], formArbitrary({ name, email: signUpEmail, password, redirectTo })),
    run: ({ form }) => signUpAction(EMPTY, toFormData(form)),
  },
  "app/(auth)/actions.ts#signInWithProviderAction": {
    caller: "anonymous",
    input: (w) => withArgs(w, [], formArbitrary({ provider: anyOf("github", "credentials", ""), redirectTo })),
    run: ({ form }) => signInWithProviderAction(toFormData(form)),
  },
  // Takes no input: it is called once, with none.
  "app/(auth)/actions.ts#signOutAction": {
    caller: "owner",
    input: () => fc.constant({ args: [], form: [] }),
    run: () => signOutAction(),
  },
};

function digest(rows: unknown): string {
  const text = JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
  return `${Array.isArray(rows) ? rows.length : rows}:${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}

const digests = (tables: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, digest(rows)]));

/** What a refused action must leave as it was, as digests. */
async function snapshot(world: TWorld, emails: string[]) {
  return digests(
    await accountRows({
      organizationIds: [world.org.id, world.other.id],
      userIds: world.users.map((user) => user.id),
      emails,
      emailDomains: [SIGN_UP_DOMAIN],
    }),
  );
}

/** The other organisation's rows and its Owner's: no caller here may change them, whatever the outcome. */
async function theirRows(world: TWorld) {
  return digests(await accountRows({ organizationIds: [world.other.id], userIds: [world.outsider.id] }));
}

function emailsIn(form: [string, TFormValue][]): string[] {
  return form.flatMap(([field, value]) =>
    // Text with NUL cannot be stored, nor looked up.
    field === "email" && typeof value === "string" && !value.includes("\u0000")
      ? [value, value.trim().toLowerCase()]
      : [],
  );
}

function expectPlainData(value: unknown, what: string) {
  if (typeof value !== "object" || value === null) return;
  expect([Object.prototype, Array.prototype], what).toContain(Object.getPrototypeOf(value));
  for (const item of Object.values(value)) expectPlainData(item, what);
}

/** Whether a redirect stays on this site: a path (never "//host" or "/\\host"), or a URL of this origin. */
function isOnThisSite(target: string): boolean {
  if (target.startsWith("/")) return !/^\/[/\\]/.test(target);
  return URL.canParse(target) && new URL(target).origin === TEST_ORIGIN;
}

for (const [action, entry] of Object.entries(ACTIONS)) {
  describe(action, () => {
    it("succeeds, or answers a message a person can act on and changes nothing", async () => {
      const world = await createWorld();
      const caller = world.callers[entry.caller];
      const signedIn: TBrowser | null = caller && (await signedInBrowser(caller));
      const property = fc.asyncProperty(entry.input(world), async (input) => {
        const emails = emailsIn(input.form);
        const before = await snapshot(world, emails);
        const theirsBefore = await theirRows(world);
        // Anonymous callers come with a browser of their own each time (a sign-in may succeed).
        const { result: state, redirectedTo } = await callAction(signedIn ?? newBrowser(), () => entry.run(input));
        const what = `${JSON.stringify(state ?? { redirectedTo })?.slice(0, 500)} for ${JSON.stringify(input).slice(0, 600)}`;
        // Their ids in our address, or ours in theirs: nothing of theirs changes, even when the action succeeds.
        expect(await theirRows(world), `changed the other organisation: ${what}`).toEqual(theirsBefore);
        if (redirectedTo !== undefined) {
          expect(isOnThisSite(redirectedTo), `redirected off the site: ${what}`).toBe(true);
          return;
        }
        if (!state) return;
        // React passes only plain objects and arrays from a server action to the browser.
        expectPlainData(state, what);
        if (state.ok) return;
        expect(typeof state.message, what).toBe("string");
        expect(state.message?.trim(), what).not.toBe("");
        expect(state.message, what).not.toBe(GENERIC_MESSAGE);
        const fieldMessages = Object.values(state.fields ?? {}).flat();
        expect(
          fieldMessages.filter((message) => ZOD_DEFAULT_MESSAGE.test(message)),
          what,
        ).toEqual([]);
        expect(await snapshot(world, emails), what).toEqual(before);
      });
      await assertFuzz(property);
    }, 240_000);
  });
}

describe("the hostile-input list of actions", () => {
  it("covers every exported server action", () => {
    const root = process.cwd();
    const found: string[] = [];
    for (const file of filesNamed(path.join(root, "app"), "actions.ts")) {
      const relative = path.relative(root, file).split(path.sep).join("/");
      for (const match of readFileSync(file, "utf8").matchAll(/export async function (\w+)/g)) {
        found.push(`${relative}#${match[1]}`);
      }
    }
    expect(Object.keys(ACTIONS).sort()).toEqual(found.sort());
  });
});
