// Issue 23, notifications: a comment that mentions a member arrives live in that member's inbox (the bell's unread
// count goes up on the page they have open), reads as a sentence, links to its screen and is read once followed. The
// settings screen says when email is off (this suite's server has no SMTP_URL) and keeps each kind's choice.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";
import { callApi } from "./fixtures/api-calls";
import { randomAddress, signInWithPassword } from "./fixtures/contract";
import { captureScreens, pageOverflow } from "./fixtures/screens";

test("a mention arrives live in the other member's inbox, in words, and is read once followed", async ({
  page,
  baseURL,
}, testInfo) => {
  // Erin, a Manager, writes; Owen, the Owner, has the organisation open.
  const { user: erin, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const checkout = await db.team.findFirstOrThrow({
    where: { organizationId: organization.id, name: "Checkout" },
    select: { id: true },
  });
  await signIn(page, owner!);
  await page.goto(`/${organization.slug}`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const bell = page.getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");

  const cookie = await signInWithPassword(baseURL!, { ...erin, address: randomAddress() });
  const posted = await callApi(`${baseURL}/api/v1/orgs/${organization.slug}/comments`, {
    label: "POST comments",
    method: "POST",
    cookie,
    body: { target: { kind: "team", teamId: checkout.id }, body: "@Owen Owner is Checkout's on-call yours?" },
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);

  // Without a reload: the stream tells Owen's page, which fetches the count.
  // Well within the inbox's once-a-minute refetch: only the live stream brings it this soon.
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
  await expect(bell.getByTestId("unread-count")).toHaveText("1");

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const item = page.getByRole("link", {
    name: /Erin Example mentioned Owen Owner on team “Checkout”: “@Owen Owner is Checkout's on-call yours\?”/,
  });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Globex Product");
  await expect(item).toContainText("unread");
  await expect(page.getByText("1 unread.")).toBeVisible();
  await captureScreens(page, testInfo, "inbox");

  await item.click();
  // The notification links the team by id; the team page sends that on to the team's address, its key.
  await expect(page).toHaveURL(new RegExp(`/${organization.slug}/teams/checkout$`));
  await expect(page.getByRole("link", { name: /^Notifications/ })).toHaveAccessibleName("Notifications, none unread");
  await page.goto("/notifications");
  await expect(page.getByText("Nothing unread.")).toBeVisible();
  await expect(item).not.toContainText("unread");
  expect(
    await db.notification.findMany({ where: { userId: owner!.id }, select: { kind: true, readAt: true } }),
  ).toEqual([{ kind: "mention", readAt: expect.any(Date) }]);

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await pageOverflow(page)).beyond).toBeLessThanOrEqual(0);
});

test("the settings screen says email is off without SMTP_URL, and keeps each kind's choice", async ({
  page,
}, testInfo) => {
  const { user } = await createAccount({ role: "OWNER" });
  await signIn(page, user);
  await page.goto("/notifications");
  await page.getByRole("link", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { name: "Notification settings" })).toBeVisible();
  await expect(page.getByText("Email is off: this server has no SMTP_URL.")).toBeVisible();

  const mention = page.getByLabel("Someone mentions you");
  await expect(mention).toHaveValue("instant");
  await mention.selectOption("daily");
  await expect(
    page.getByRole("status").filter({ hasText: "Saved: Someone mentions you, Daily digest." }),
  ).toBeVisible();
  await page.getByLabel("A new gap or overlap").selectOption("off");
  await expect(page.getByRole("status").filter({ hasText: "A new gap or overlap, Off." })).toBeVisible();
  await captureScreens(page, testInfo, "notification-settings");

  await page.reload();
  await expect(page.getByLabel("Someone mentions you")).toHaveValue("daily");
  await expect(page.getByLabel("A new gap or overlap")).toHaveValue("off");
  // A change with many flags (an import) is one notification of its own kind, in the digest until chosen otherwise.
  await expect(page.getByLabel("Many gaps and overlaps at once (an import, a publish)")).toHaveValue("daily");
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await pageOverflow(page)).beyond).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("notification-settings-phone.png"), fullPage: true });
});

test("nobody has to look: a Manager's change that makes a gap reaches the Owner's inbox live, with no webhook", async ({
  page,
  baseURL,
}) => {
  const { user: erin, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, owner!);
  await page.goto(`/${organization.slug}`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const bell = page.getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  expect(await db.webhookEndpoint.count({ where: { organizationId: organization.id } })).toBe(0);

  // Checkout's vision has the PO accountable; the PM too makes it shared ownership.
  const cookie = await signInWithPassword(baseURL!, { ...erin, address: randomAddress() });
  const wrote = await callApi(`${baseURL}/api/v1/orgs/${organization.slug}/teams/checkout/assignments`, {
    label: "PUT assignments",
    method: "PUT",
    cookie,
    body: { dutyId: "vision", slotId: "pm", level: "accountable" },
  });
  expect(wrote.status, JSON.stringify(wrote.body)).toBe(200);

  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
  await bell.click();
  await expect(page.getByRole("link", { name: /New error: .*Checkout.*/ })).toBeVisible();
  expect(await db.notification.findMany({ where: { userId: owner!.id }, select: { kind: true } })).toEqual([
    { kind: "flag.introduced" },
  ]);
});
