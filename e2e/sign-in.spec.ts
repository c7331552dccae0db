import { expect, test } from "@playwright/test";
import { createAccount } from "./fixtures/accounts";

test("the home page says what Remit is", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/who owns what in your product teams/i);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a member signs in, opens their organisation and signs out", async ({ page }) => {
  const { user, organization } = await createAccount();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();

  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();

  await page.getByRole("link", { name: new RegExp(organization.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/${organization.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organization.name);
  await page.getByRole("link", { name: "Members", exact: true }).click();
  await expect(page.getByRole("cell", { name: user.email })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(`/${organization.slug}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-in explains every missing field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});
