// Single sign-on through OpenID Connect, end to end: a real provider (oidc-provider) on 127.0.0.1, an app server of
// the suite's production build configured for it through AUTH_OIDC_*, and Chromium going through both.
import { randomUUID } from "node:crypto";
import { expect, test as base, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createOrganization, createUser } from "@/prisma/factories";
import { signInAtProvider, startOidcProvider, type TOidcProvider } from "./fixtures/oidc-provider";
import { captureScreens } from "./fixtures/screens";
import { freePort, startAppServer, type TAppServer } from "./fixtures/servers";

const PROVIDER_NAME = "Example SSO";

/**
 * An app server and the address the browser reaches it at: a name of its own (Chromium resolves *.localhost to the
 * loopback), not the address it listens on, as a site behind its own DNS name is reached.
 */
type TSite = { url: string; server: TAppServer };

async function startSite(port: number, provider: TOidcProvider): Promise<TSite> {
  const server = await startAppServer({ port, env: provider.env(PROVIDER_NAME) });
  return { url: siteUrl(port), server };
}

function siteUrl(port: number) {
  return `http://remit.localhost:${port}`;
}

/** A provider and an app server configured for it, shared by the file's tests (each brings its own people). */
const test = base.extend<object, { sso: { provider: TOidcProvider; app: TSite } }>({
  sso: [
    async ({}, use) => {
      const port = await freePort();
      const provider = await startOidcProvider({ appUrl: siteUrl(port) });
      const app = await startSite(port, provider);
      await use({ provider, app });
      await app.server.stop();
      await provider.stop();
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "needs a PostgreSQL server shared by several processes");
// In order, in one worker: one provider and one app server for the file, on the machine's two cores.
test.describe.configure({ mode: "default" });

function newEmail() {
  return `sso-${randomUUID()}@example.test`;
}

/** The app's answers of 500 or more while the test runs; none is allowed. */
function watchForServerErrors(page: Page, app: TSite): string[] {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(app.url) && response.status() >= 500) {
      failures.push(`${response.status()} ${response.url()}`);
    }
  });
  return failures;
}

async function continueWithSso(page: Page, app: TSite) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("button", { name: `Continue with ${PROVIDER_NAME}` }).click();
}

async function expectSignedInAs(page: Page, app: TSite, name: string) {
  await expect(page).toHaveURL(`${app.url}/`);
  await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(name);
}

async function expectSignedOut(page: Page, app: TSite) {
  await page.goto(`${app.url}/`);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
}

const REFUSED = "Sign-in did not complete, so you are not signed in.";

/** The page's alert that says why (Next.js's route announcer is an alert too). */
function refusal(page: Page, text: string) {
  return page.getByRole("alert").filter({ hasText: text });
}

test("a first sign-in through single sign-on creates the account and signs in", async ({ page, sso }) => {
  const { provider, app } = sso;
  const serverErrors = watchForServerErrors(page, app);
  const person = provider.addUser({ email: newEmail(), name: "Sam Single" });

  await continueWithSso(page, app);
  await signInAtProvider(page, provider, person.email);
  await expectSignedInAs(page, app, "Sam Single");
  await expect(page.getByText("You are not a member of any organisation yet")).toBeVisible();

  const user = await db.user.findUniqueOrThrow({
    where: { email: person.email },
    select: {
      name: true,
      passwordHash: true,
      accounts: { select: { provider: true, type: true, providerAccountId: true } },
    },
  });
  expect(user).toEqual({
    name: "Sam Single",
    passwordHash: null,
    accounts: [{ provider: "oidc", type: "oidc", providerAccountId: person.sub }],
  });
  expect(serverErrors).toEqual([]);
});

test("a later sign-in through single sign-on signs into the same account", async ({ page, sso }) => {
  const { provider, app } = sso;
  const serverErrors = watchForServerErrors(page, app);
  const person = provider.addUser({ email: newEmail(), name: "Lee Later" });
  await continueWithSso(page, app);
  await signInAtProvider(page, provider, person.email);
  await expectSignedInAs(page, app, "Lee Later");
  const { id: userId } = await db.user.findUniqueOrThrow({ where: { email: person.email }, select: { id: true } });
  const organization = await createOrganization(db, { name: "Later Ltd", members: [{ userId, role: "OWNER" }] });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  // The provider remembers this browser: it sends it straight back, and Remit finds the account by its subject.
  await continueWithSso(page, app);
  await expectSignedInAs(page, app, "Lee Later");
  await expect(page.getByRole("link", { name: new RegExp(organization.name) })).toBeVisible();

  // And in another browser, where the person signs in at the provider again.
  const other = await page.context().browser()!.newPage();
  try {
    await continueWithSso(other, app);
    await signInAtProvider(other, provider, person.email);
    await expectSignedInAs(other, app, "Lee Later");
  } finally {
    await other.close();
  }

  const users = await db.user.findMany({ where: { email: person.email }, select: { id: true } });
  expect(users).toEqual([{ id: userId }]);
  const accounts = await db.account.findMany({ where: { userId }, select: { providerAccountId: true } });
  expect(accounts).toEqual([{ providerAccountId: person.sub }]);
  expect(serverErrors).toEqual([]);
});

test("single sign-on with the email of a password account is refused and links nothing", async ({
  page,
  sso,
}, testInfo) => {
  const { provider, app } = sso;
  const serverErrors = watchForServerErrors(page, app);
  const password = `pw-${randomUUID()}`;
  const existing = await createUser(db, { name: "Pat Password", email: newEmail(), password });
  provider.addUser({ email: existing.email, name: "Somebody Else" });

  await continueWithSso(page, app);
  await signInAtProvider(page, provider, existing.email);
  await expect(page).toHaveURL(`${app.url}/sign-in?error=OAuthAccountNotLinked`);
  await expect(
    refusal(page, "its email address belongs to a Remit account that signs in with a password"),
  ).toContainText("Sign in with your email and password below.");
  await captureScreens(page, testInfo, "sso-account-not-linked");

  const user = await db.user.findUniqueOrThrow({
    where: { id: existing.id },
    select: { name: true, accounts: { select: { id: true } }, sessions: { select: { id: true } } },
  });
  expect(user).toEqual({ name: "Pat Password", accounts: [], sessions: [] });
  await expectSignedOut(page, app);

  // The page offers the way in that works: the password.
  await page.goto(`${app.url}/sign-in?error=OAuthAccountNotLinked`);
  await page.getByLabel("Email").fill(existing.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedInAs(page, app, "Pat Password");
  expect(serverErrors).toEqual([]);
});

test("an answer from another provider than the configured issuer is refused", async ({ page, sso }, testInfo) => {
  const { provider, app } = sso;
  const serverErrors = watchForServerErrors(page, app);
  // A second provider that knows the same client and the same person, but is another issuer.
  const impostor = await startOidcProvider({
    appUrl: app.url,
    client: { id: provider.clientId, secret: provider.clientSecret },
  });
  try {
    const email = newEmail();
    provider.addUser({ email, name: "Mo Mixup" });
    impostor.addUser({ email, name: "Mo Mixup" });
    // The browser is sent to the impostor instead of the configured provider.
    await page.route(
      (url) => url.origin === provider.url && url.pathname === "/auth",
      (route) =>
        route.fulfill({
          status: 302,
          headers: { location: route.request().url().replace(provider.url, impostor.url) },
        }),
    );
    await continueWithSso(page, app);
    await signInAtProvider(page, impostor, email);

    await expect(page).toHaveURL(new RegExp(`^${app.url}/sign-in\\?error=`));
    await expect(refusal(page, REFUSED)).toBeVisible();
    await captureScreens(page, testInfo, "sso-refused");
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    await expectSignedOut(page, app);
    expect(serverErrors).toEqual([]);
  } finally {
    await impostor.stop();
  }
});

test("a provider that announces another issuer than AUTH_OIDC_ISSUER is refused", async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  // Served at http://127.0.0.1:<port> but saying it is http://localhost:<port>: what Remit is told to trust differs.
  const providerPort = await freePort();
  const misconfigured = await startOidcProvider({
    appUrl: siteUrl(port),
    port: providerPort,
    announcedIssuer: `http://localhost:${providerPort}`,
  });
  const app = await startSite(port, misconfigured);
  try {
    const serverErrors = watchForServerErrors(page, app);
    const email = newEmail();
    misconfigured.addUser({ email, name: "Ira Issuer" });
    await continueWithSso(page, app);
    await expect(page).toHaveURL(new RegExp(`^${app.url}/sign-in\\?error=`));
    await expect(refusal(page, REFUSED)).toBeVisible();
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    await expectSignedOut(page, app);
    expect(serverErrors).toEqual([]);
  } finally {
    await app.server.stop();
    await misconfigured.stop();
  }
});

test("a callback with an altered state or code is refused; the untouched one signs in", async ({ page, sso }) => {
  const { provider, app } = sso;
  const serverErrors = watchForServerErrors(page, app);
  const person = provider.addUser({ email: newEmail(), name: "Tess Tamper" });

  // The provider's answer, held instead of delivered.
  const held = provider.holdNextCallback();
  await continueWithSso(page, app);
  await signInAtProvider(page, provider, person.email);
  const callback = await held;
  expect(callback.searchParams.get("state"), callback.href).toBeTruthy();
  expect(callback.searchParams.get("code"), callback.href).toBeTruthy();

  for (const param of ["state", "code"]) {
    const altered = new URL(callback);
    altered.searchParams.set(param, `${altered.searchParams.get(param)}x`);
    const response = await page.goto(altered.toString());
    expect(response?.status(), `the callback with an altered ${param}`).toBe(200);
    await expect(page).toHaveURL(new RegExp(`^${app.url}/sign-in\\?error=`));
    await expect(refusal(page, REFUSED)).toBeVisible();
    expect(await db.user.findUnique({ where: { email: person.email } })).toBeNull();
  }
  await expectSignedOut(page, app);

  await page.goto(callback.toString());
  await expectSignedInAs(page, app, "Tess Tamper");
  expect(serverErrors).toEqual([]);
});
