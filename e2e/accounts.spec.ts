import { expect, test, type Page } from "@playwright/test";
import { captureScreens } from "./fixtures/screens";

function uniqueEmail(name: string) {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

async function signUp(page: Page, { name, email, password }: { name: string; email?: string; password: string }) {
  await page.getByLabel("Name").fill(name);
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("sign up, create an organisation, invite a colleague who joins, and roles show in the UI", async ({
  page,
  browser,
}) => {
  const ownerEmail = uniqueEmail("owner");
  const colleagueEmail = uniqueEmail("colleague");
  const slug = `e2e-${Date.now().toString(36)}`;

  // The owner signs up; a weak password is explained first.
  await page.goto("/sign-up");
  await signUp(page, { name: "Olive Owner", email: ownerEmail, password: "short" });
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel("Password").fill("a long owner passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("You are not a member of any organisation yet")).toBeVisible();

  // ... and creates an organisation, whose address follows its name until edited.
  await page.getByRole("link", { name: "Create an organisation" }).click();
  await page.getByLabel("Name").fill("Northwind Products");
  await expect(page.getByLabel("Address")).toHaveValue("northwind-products");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Northwind Products");

  // The owner invites a colleague as Viewer and copies the link.
  await page.getByRole("link", { name: "Members", exact: true }).click();
  await page.getByLabel("Email").fill(colleagueEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("revealed-value").textContent()) ?? "";
  expect(link).toContain("/invitations/");
  await expect(page.getByRole("cell", { name: colleagueEmail })).toBeVisible();

  // A mistyped address is refused beside its field and kept; an invitation sent by mistake is revoked.
  await page.getByLabel("Email").fill("stray-at-example");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue("stray-at-example");
  const strayEmail = uniqueEmail("stray");
  await page.getByLabel("Email").fill(strayEmail);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("cell", { name: strayEmail })).toBeVisible();
  await page
    .getByRole("row", { name: new RegExp(strayEmail) })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("cell", { name: strayEmail })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: colleagueEmail })).toBeVisible();

  // The colleague opens the link in another browser, signs up with that email, and joins.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(new URL(link).pathname);
  await expect(colleague.getByText(`invited ${colleagueEmail} to Northwind Products as Viewer`)).toBeVisible();
  await colleague.getByRole("link", { name: "Create an account to join" }).click();
  await expect(colleague.getByLabel("Email")).toHaveValue(colleagueEmail);
  await signUp(colleague, { name: "Cole Colleague", password: "a long colleague passphrase" });
  await colleague.getByRole("button", { name: "Join Northwind Products" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/${slug}$`));
  await expect(colleague.getByText("You are a Viewer here.")).toBeVisible();

  // A Viewer sees members but cannot manage them, and has no API tokens section.
  await colleague.getByRole("link", { name: "Members", exact: true }).click();
  await expect(colleague.getByRole("cell", { name: ownerEmail })).toBeVisible();
  await expect(colleague.getByRole("combobox", { name: /Role of/ })).toHaveCount(0);
  await expect(colleague.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  await expect(colleague.getByRole("link", { name: "API tokens" })).toHaveCount(0);
  await colleague.goto(`/${slug}/tokens`);
  await expect(colleague.getByText("Only Owners of Northwind Products can see and manage API tokens.")).toBeVisible();

  // The used link cannot be used again.
  await colleague.goto(new URL(link).pathname);
  await expect(colleague.getByText("This invitation has already been used.")).toBeVisible();

  // The owner makes the colleague a Manager; the last Owner cannot demote themself.
  await page.reload();
  await page.getByRole("combobox", { name: "Role of Cole Colleague" }).selectOption("MANAGER");
  await expect(page.getByRole("combobox", { name: "Role of Cole Colleague" })).toHaveValue("MANAGER");
  await page.getByRole("combobox", { name: "Role of Olive Owner" }).selectOption("VIEWER");
  await expect(page.getByRole("alert").filter({ hasText: "at least one Owner" })).toBeVisible();
  await colleague.goto(`/${slug}`);
  await expect(colleague.getByText("You are a Manager here.")).toBeVisible();

  // Removing the colleague ends their access at once.
  page.once("dialog", (dialog) => void dialog.accept());
  await page
    .getByRole("row", { name: /Cole Colleague/ })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("cell", { name: colleagueEmail })).toHaveCount(0);
  // The colleague's open page hears of it and reloads by itself, into "not found".
  await expect(colleague.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await colleagueContext.close();
});

test("an owner creates an API token that is shown once and works as a bearer token", async ({ page, request }) => {
  await page.goto("/sign-up");
  await signUp(page, { name: "Tia Token", email: uniqueEmail("tokens"), password: "a long token passphrase" });
  await page.getByRole("link", { name: "Create an organisation" }).click();
  const slug = `tok-${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill("Token Org");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await page.getByLabel("Name").fill("Nightly sync");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("revealed-value").textContent()) ?? "";
  expect(secret).toMatch(/^remit_/);

  const members = await request.get(`/api/v1/orgs/${slug}/members`, { headers: { authorization: `Bearer ${secret}` } });
  expect(members.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("revealed-value")).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "Nightly sync" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Nightly sync/ })).not.toContainText("never");
  page.once("dialog", (dialog) => void dialog.accept());
  await page
    .getByRole("row", { name: /Nightly sync/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByText("There are no active tokens.")).toBeVisible();
  const refused = await request.get(`/api/v1/orgs/${slug}/members`, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
});

test("the account screens pass the accessibility checks in light and dark", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  // The sign-in page as a failed sign-in through a provider leaves it: it says why.
  for (const error of ["OAuthAccountNotLinked", "Configuration"]) {
    await page.goto(`/sign-in?error=${error}`);
    await expect(page.getByRole("alert").filter({ hasText: /refused|did not complete/ })).toBeVisible();
    await captureScreens(page, testInfo, `sign-in-${error}`);
  }
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    await captureScreens(page, testInfo, `public${path.replace(/\//g, "-")}`);
  }
  await signUp(page, { name: "Ada Access", email: uniqueEmail("a11y"), password: "a long access passphrase" });
  await expect(page.getByText("You are not a member of any organisation yet")).toBeVisible();
  await page.goto("/orgs/new");
  await captureScreens(page, testInfo, "new-organisation");
  await page.getByLabel("Name").fill("Access Org");
  const slug = `a11y-${Date.now().toString(36)}`;
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await page.goto(`/${slug}/members`);
  await page.getByLabel("Email").fill(uniqueEmail("invitee"));
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("revealed-value").textContent()) ?? "";
  await captureScreens(page, testInfo, "members");
  await page.goto(`/${slug}/tokens`);
  await captureScreens(page, testInfo, "tokens");
  await page.goto(new URL(link).pathname);
  await captureScreens(page, testInfo, "invitation");
});
