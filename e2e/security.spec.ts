// What the browser is told to enforce (CSP with nonces, framing, sniffing, HSTS behind https), that Remit's own
// pages run under that policy without a single violation, that cross-site writes are refused, and that signing out
// ends the session on the server, not only in the browser.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";

test("pages carry a nonce-based CSP, fresh per response, and the other security headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  // Next.js put the nonce on every script of the page.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  // HSTS only when the site is reached over https (here, as a TLS-terminating proxy reports it).
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  const behindHttps = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(behindHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(behindHttps.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("Remit's screens run under the policy without a single violation", async ({ page }) => {
  const { user, organization } = await createAccount({ withMap: true });
  const team = await db.team.findFirstOrThrow({ where: { organizationId: organization.id, key: "checkout" } });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`,
      ),
    );
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  await signIn(page, user);
  for (const path of ["", `/teams/${team.id}`, "/people", "/duties", "/history", "/drafts", "/import-export"]) {
    await page.goto(`/${organization.slug}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Hydrated and interactive: client components rendered by scripts that carried the nonce.
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    // Every streamed part of the page found its place (React moves each into the page once it arrives); one left
    // behind, hidden, means the client rendered that part again on its own.
    await expect(page.locator('body > div[hidden][id^="S:"]')).toHaveCount(0);
  }
  // A write from the team page (client code, live updates) works under the policy too.
  await page.goto(`/${organization.slug}/teams/${team.id}`);
  const cell = page.locator('[data-cell="market-research:pm"]');
  await cell.focus();
  await page.keyboard.press("a");
  await expect(cell).toHaveAccessibleName(/: Accountable/);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("a server action posted from another site is refused with 403, not run", async ({ page, request, baseURL }) => {
  await page.goto("/sign-in");
  const html = await page.content();
  const actionId = /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1] ?? /"id":"([0-9a-f]{40,})"/.exec(html)?.[1];
  expect(actionId).toBeTruthy();
  const post = (origin: string) =>
    request.post("/sign-in", {
      headers: { origin, "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" },
      data: '[{},"$K1"]',
    });
  const forged = await post("https://evil.example");
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: "forbidden" } });
  // The same request from Remit's own origin reaches the action (which explains what is missing).
  const own = await post(new URL(baseURL!).origin);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("Enter a valid email address");
});

test("signing out ends the session on the server: a copy of the cookie no longer works", async ({ page, browser }) => {
  const { user, organization } = await createAccount();
  await signIn(page, user);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(true);

  // Another browser with a copy of the cookie (as someone who stole it would have) is signed in...
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const before = await thief.request.get(`/api/v1/orgs/${organization.slug}/members`);
  expect(before.status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // ...until the owner signs out: then the copy is refused too, by the API and by the pages.
  const after = await thief.request.get(`/api/v1/orgs/${organization.slug}/members`);
  expect(after.status()).toBe(401);
  const thiefPage = await thief.newPage();
  await thiefPage.goto(`/${organization.slug}`);
  await expect(thiefPage).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("a member removed from an organisation loses it at once, in pages and in the API", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER" });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organization.name);
  await db.membership.deleteMany({ where: { organizationId: organization.id, userId: user.id } });
  expect((await page.request.get(`/api/v1/orgs/${organization.slug}/overview`)).status()).toBe(404);
  await page.goto(`/${organization.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(organization.name);
});
