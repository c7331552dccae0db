import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";
import { cellsOf, writeCell } from "./fixtures/cell-writers";
import { captureScreens } from "./fixtures/screens";

const DEMO_ORDER = [
  "Product vision",
  "Product strategy",
  "Deciding which features get built",
  "Roadmap prioritisation",
  "Stakeholder communication and alignment",
  "Making sure the product meets customer needs and requirements",
  "Working with the development team to build to the roadmap",
  "Day-to-day product management",
  "Market research",
  "Data analysis",
  "Incident response",
];

function catalogue(page: Page) {
  return page.getByRole("list", { name: "Duty catalogue" });
}

/** The duty names in the order the catalogue shows them. */
function dutyNames(page: Page) {
  return catalogue(page).getByRole("heading", { level: 3 });
}

function dutyItem(page: Page, name: string) {
  return catalogue(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name, exact: false }) });
}

test("the catalogue lists the duties in order, with what each is used for", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Duties" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Duties");
  await expect(dutyNames(page)).toHaveText(DEMO_ORDER.map((name) => new RegExp(`^${name}`)));
  await expect(dutyItem(page, "Roadmap prioritisation")).toContainText("6 assignments in 5 teams.");
  await expect(dutyItem(page, "Incident response").getByRole("heading")).toContainText("Optional");
  await expect(page.getByText("11 duties, 10 required.")).toBeVisible();
  await captureScreens(page, testInfo, "duties");
});

test("a manager reorders duties with the keyboard, and the order is saved", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/duties`);
  await expect(dutyNames(page)).toHaveText(DEMO_ORDER.map((name) => new RegExp(`^${name}`)));

  // Keyboard only: Tab reaches Move up; Enter moves the duty and focus stays with it.
  await page.getByRole("button", { name: "Move Product strategy down" }).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Move Product strategy up" })).toBeFocused();
  await page.getByRole("button", { name: "Move Market research up" }).focus();
  await page.keyboard.press("Enter");
  await expect(dutyNames(page).nth(7)).toHaveText(/^Market research/);
  await expect(page.getByRole("button", { name: "Move Market research up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(dutyNames(page).nth(5)).toHaveText(/^Market research/);
  await expect(
    page.getByRole("status").filter({ hasText: "Market research moved to position 6 of 11." }),
  ).toBeAttached();
  // Down, then all the way to the top: at the top, focus moves to Move down, since Move up is disabled there.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Move Market research down" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dutyNames(page).nth(6)).toHaveText(/^Market research/);
  await page.getByRole("button", { name: "Move Product strategy up" }).focus();
  await page.keyboard.press("Enter");
  await expect(dutyNames(page).first()).toHaveText(/^Product strategy/);
  await expect(page.getByRole("button", { name: "Move Product strategy up" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move Product strategy down" })).toBeFocused();

  const expected = [
    "Product strategy",
    "Product vision",
    "Deciding which features get built",
    "Roadmap prioritisation",
    "Stakeholder communication and alignment",
    "Making sure the product meets customer needs and requirements",
    "Market research",
    "Working with the development team to build to the roadmap",
    "Day-to-day product management",
    "Data analysis",
    "Incident response",
  ].map((name) => new RegExp(`^${name}`));
  await expect(dutyNames(page)).toHaveText(expected);
  // Saved: a reload shows the same order, and team matrices follow it.
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await page.reload();
  await expect(dutyNames(page)).toHaveText(expected);
  await page.goto(`/${organization.slug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("grid").getByRole("rowheader").first()).toHaveText(/Product strategy/);
});

test("a manager drags a duty to a new place, and the order is saved", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/duties`);
  await expect(dutyNames(page)).toHaveText(DEMO_ORDER.map((name) => new RegExp(`^${name}`)));

  // Tall enough for both duties to be on screen: a drag that scrolls the page is not what is tested here.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await dutyItem(page, "Data analysis").dragTo(dutyItem(page, "Product strategy"));
  const expected = [
    "Product vision",
    "Data analysis",
    ...DEMO_ORDER.slice(1).filter((name) => name !== "Data analysis"),
  ].map((name) => new RegExp(`^${name}`));
  await expect(dutyNames(page)).toHaveText(expected);
  await expect(page.getByRole("status").filter({ hasText: "Data analysis moved to position 2 of 11." })).toBeAttached();
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await page.reload();
  await expect(dutyNames(page)).toHaveText(expected);
});

test("a manager adds, renames, describes and marks duties optional", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/duties`);

  // Add, with the name checked before anything is sent.
  const addForm = page.getByRole("form", { name: "Add a duty" });
  await addForm.getByRole("button", { name: "Add duty" }).click();
  await expect(addForm.getByText("Give the duty a name.")).toBeVisible();
  await addForm.getByLabel("Name").fill("Pricing decisions");
  await addForm.getByLabel("Description (optional)").fill("Who sets and changes prices.");
  await addForm.getByRole("button", { name: "Add duty" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added Pricing decisions" })).toBeVisible();
  await expect(dutyNames(page).last()).toHaveText(/^Pricing decisions\s*Required/);
  await expect(dutyItem(page, "Pricing decisions")).toContainText("Who sets and changes prices.");
  await expect(dutyItem(page, "Pricing decisions")).toContainText("Not assigned in any team yet.");

  // Rename and describe, from the keyboard; Escape would cancel.
  await page.getByRole("button", { name: "Edit Incident response" }).focus();
  await page.keyboard.press("Enter");
  const editForm = page.getByRole("form", { name: "Edit Incident response" });
  await expect(editForm.getByLabel("Name")).toBeFocused();
  await editForm.getByLabel("Name").fill("Incident handling");
  await editForm.getByLabel("Description (optional)").fill("Leading the response when production breaks.");
  await editForm.getByRole("button", { name: "Save" }).click();
  await expect(dutyItem(page, "Incident handling")).toContainText("Leading the response when production breaks.");
  await expect(page.getByRole("button", { name: "Edit Incident handling" })).toBeFocused();

  // Optional: the badge says so, and the choice survives a reload.
  await page.getByRole("checkbox", { name: "Required: Market research" }).uncheck();
  await expect(dutyItem(page, "Market research").getByRole("heading")).toContainText("Optional");
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Required: Market research" })).not.toBeChecked();
  await expect(dutyItem(page, "Incident handling")).toBeVisible();
});

test("removing a duty says how many assignments go with it", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/duties`);
  await page.getByRole("button", { name: "Remove Data analysis" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Data analysis?" });
  await expect(dialog).toContainText("12 assignments in 5 teams go with it.");
  // Cancel is first, so Enter alone keeps the duty.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(dutyItem(page, "Data analysis")).toBeVisible();
  await page.getByRole("button", { name: "Remove Data analysis" }).press("Enter");
  await captureScreens(page, testInfo, "duties-remove");
  await dialog.getByRole("button", { name: "Remove Data analysis" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Removed Data analysis and 12 assignments with it." }),
  ).toBeVisible();
  await expect(dutyItem(page, "Data analysis")).toHaveCount(0);
  await expect(dutyNames(page)).toHaveCount(10);
  // The teams' matrices lose the row too.
  await page.goto(`/${organization.slug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Growth" }).click();
  await expect(page.getByRole("grid").getByRole("rowheader", { name: "Data analysis" })).toHaveCount(0);
});

test("a viewer reads the catalogue without edit controls", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/duties`);
  await expect(dutyNames(page)).toHaveCount(11);
  await expect(dutyItem(page, "Incident response")).toContainText("Optional");
  await expect(dutyItem(page, "Data analysis")).toContainText("12 assignments in 5 teams.");
  await expect(page.getByRole("form", { name: "Add a duty" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await captureScreens(page, testInfo, "duties-viewer");
});

test("an empty catalogue explains what duties are and where they come from", async ({ page, baseURL }) => {
  const { user, organization } = await createAccount();
  await signIn(page, user);
  // A new organisation starts with the default catalogue; a map without duties empties it.
  const emptied = await page.request.put(`/api/v1/orgs/${organization.slug}/map`, {
    data: { format: "remit.map/v1", duties: [], people: [], teams: [] },
    headers: { origin: baseURL ?? "" },
  });
  expect(emptied.ok()).toBe(true);
  await page.goto(`/${organization.slug}/duties`);
  await expect(page.getByText("The catalogue is empty.")).toBeVisible();
  await expect(page.getByText(/Duties are the things every product team has to get done/)).toBeVisible();
  await expect(catalogue(page)).toHaveCount(0);
  await page.getByRole("form", { name: "Add a duty" }).getByLabel("Name").fill("Product vision");
  await page.getByRole("button", { name: "Add duty" }).click();
  await expect(dutyNames(page)).toHaveText([/^Product vision/]);
  await expect(page.getByRole("button", { name: "Move Product vision up" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move Product vision down" })).toBeDisabled();
});

test("the catalogue's page carries the duties and their counts, not the map, and its counts follow others' edits", async ({
  page,
  baseURL,
}) => {
  const { user, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  // The page is for duties: no person of the map is in it (at 1,000 teams the whole map made it 12 MB).
  const document = await page.request.get(`/${organization.slug}/duties`);
  expect(document.status()).toBe(200);
  const html = await document.text();
  expect(html).toContain("Data analysis");
  expect(html).not.toContain("Amara Okafor");

  await page.goto(`/${organization.slug}/duties`);
  await expect(dutyItem(page, "Data analysis")).toContainText("12 assignments in 5 teams.");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  // Another lead gives an empty cell of the duty a level, through the API.
  const token = await createApiTokenFor(db, {
    organizationId: organization.id,
    createdById: owner!.id,
    role: "MANAGER",
  });
  const empty = (await cellsOf(db, organization.id, { isEmpty: true })).find(
    (cell) => cell.dutyKey === "data-analysis",
  )!;
  const written = await writeCell({
    url: baseURL!,
    orgSlug: organization.slug,
    token: token.secret,
    cell: empty,
    level: "informed",
  });
  expect(written.status, JSON.stringify(written.body)).toBe(200);
  await expect(dutyItem(page, "Data analysis")).toContainText("13 assignments in 5 teams.");

  // The same part through the API: the duties, and how much each is used in the whole map.
  const part = await page.request.get(`/api/v1/orgs/${organization.slug}/state?part=duties`, {
    headers: { authorization: `Bearer ${token.secret}` },
  });
  expect(part.status(), await part.text()).toBe(200);
  const { map, dutyUsage } = (await part.json()) as {
    map: { people: unknown[]; teams: unknown[]; slots: unknown[]; assignments: unknown[]; duties: unknown[] };
    dutyUsage: Record<string, { assignments: number; teams: number }>;
  };
  expect([map.people, map.teams, map.slots, map.assignments]).toEqual([[], [], [], []]);
  expect(map.duties).toHaveLength(11);
  expect(dutyUsage[empty.dutyId]).toEqual({ assignments: 13, teams: 5 });
});
