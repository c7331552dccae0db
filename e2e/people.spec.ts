import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens } from "./fixtures/screens";

function personRow(page: Page, name: string) {
  return page
    .getByRole("table", { name: "People" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name }) });
}

test("people show their slots, allocation against capacity, and overload and dual-role flags", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");

  const table = page.getByRole("table", { name: "People" });
  await expect(table.getByRole("rowheader")).toHaveCount(12);
  await expect(personRow(page, "Diana Reyes")).toContainText("Growth · PO (50%)");
  await expect(personRow(page, "Diana Reyes")).toContainText("Search · PO (50%)");
  await expect(personRow(page, "Diana Reyes")).toContainText("1.0 of 1.0");
  // Jonas holds two tech-lead slots, 0.3 + 1: overloaded, said in words and with the analysis's message.
  await expect(personRow(page, "Jonas Berg")).toContainText("1.3 of 1.0 · over capacity");
  await expect(personRow(page, "Jonas Berg")).toContainText(/Overloaded\s*Jonas Berg is allocated 1\.3 full-time/);
  await expect(personRow(page, "Isla Novak")).toContainText(
    "Dual role Isla Novak holds both a PO slot and a PM slot in Platform",
  );
  await captureScreens(page, testInfo, "people");
});

test("a manager adds and edits people, with every problem shown beside its field", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people`);
  const table = page.getByRole("table", { name: "People" });
  await expect(table.getByRole("rowheader")).toHaveCount(12);

  // Add: every problem shows beside its field before anything is sent.
  const addForm = page.getByRole("form", { name: "Add a person" });
  await addForm.getByLabel("Email (optional)").fill("not an email");
  await addForm.getByRole("button", { name: "Add person" }).click();
  await expect(addForm.getByText("Give the person a name.")).toBeVisible();
  await expect(addForm.getByText(/Write a valid email address/)).toBeVisible();
  await addForm.getByLabel("Name").fill("Mira Patel");
  await addForm.getByLabel("Email (optional)").fill("diana@acme.example");
  await addForm.getByLabel("Capacity (FTE)").fill("0.5");
  await addForm.getByLabel("Name").press("Enter");
  // The server's answer: the email is taken.
  await expect(addForm.getByText(/Diana Reyes already has the email/)).toBeVisible();
  await addForm.getByLabel("Email (optional)").fill("mira@acme.example");
  await addForm.getByLabel("Name").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Added Mira Patel." })).toBeVisible();
  await expect(personRow(page, "Mira Patel")).toContainText("No slots");
  await expect(personRow(page, "Mira Patel")).toContainText("0.0 of 0.5");
  await expect(addForm.getByLabel("Name")).toHaveValue("");

  // Edit with the keyboard: raising Jonas's capacity clears his overload.
  await page.getByRole("button", { name: "Edit Jonas Berg" }).focus();
  await page.keyboard.press("Enter");
  const editForm = page.getByRole("form", { name: "Edit Jonas Berg" });
  await expect(editForm.getByLabel("Name")).toBeFocused();
  await editForm.getByLabel("Capacity (FTE)").fill("1.5");
  await editForm.getByLabel("Capacity (FTE)").press("Enter");
  await expect(editForm).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit Jonas Berg" })).toBeFocused();
  await expect(personRow(page, "Jonas Berg")).toContainText("1.3 of 1.5");
  await expect(personRow(page, "Jonas Berg")).not.toContainText("Overloaded");
  // Escape leaves without saving.
  await page.keyboard.press("Enter");
  await page.getByRole("form", { name: "Edit Jonas Berg" }).getByLabel("Name").fill("Someone Else");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("form", { name: "Edit Jonas Berg" })).toHaveCount(0);
  await expect(personRow(page, "Jonas Berg")).toBeVisible();
});

test("removing a person says which slots become vacant, and leaves them vacant", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people`);
  const table = page.getByRole("table", { name: "People" });

  // Remove: the confirmation names the slots that become vacant; Escape cancels and gives focus back.
  const remove = page.getByRole("button", { name: "Remove Diana Reyes" });
  await remove.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Remove Diana Reyes?" });
  await expect(dialog.getByRole("list", { name: "Slots that become vacant" }).getByRole("listitem")).toHaveText([
    "Growth · PO",
    "Search · PO",
  ]);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await captureScreens(page, testInfo, "people-remove");
  await dialog.getByRole("button", { name: "Remove Diana Reyes" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Removed Diana Reyes; 2 slots are now vacant." }),
  ).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Diana Reyes" })).toHaveCount(0);

  // The overview agrees: Growth's PO is vacant now.
  await page.goto(`/${organization.slug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Growth" }).click();
  await expect(page.getByLabel("Holder of the PO slot")).toHaveValue("");
});

test("a person's page lists their duties across teams, with links to the teams", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people`);
  await page.getByRole("link", { name: "Diana Reyes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diana Reyes");
  await expect(
    page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "People" }),
  ).toHaveAttribute("aria-current", "page");

  const duties = page.getByRole("table", { name: "Duties of Diana Reyes" });
  // Growth first (by team name), then Search; in each, catalogue order.
  await expect(duties.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Growth",
    "Product vision",
    "PO",
    /Accountable/,
  ]);
  await expect(
    duties
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Search", exact: true }) })
      .filter({ has: page.getByRole("cell", { name: "Market research", exact: true }) }),
  ).toContainText("Consulted");
  await expect(page.getByText("1.0 of 1.0")).toBeVisible();
  await captureScreens(page, testInfo, "person");

  await duties.getByRole("link", { name: "Search" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");

  // Someone with no slots gets a page that says how duties come to them.
  await page.goto(`/${organization.slug}/people`);
  await page.getByRole("form", { name: "Add a person" }).getByLabel("Name").fill("Nova Newcomer");
  await page.getByRole("button", { name: "Add person" }).click();
  await page.getByRole("link", { name: "Nova Newcomer" }).click();
  await expect(page.getByText("Nova holds no slots yet.")).toBeVisible();
  await expect(page.getByText(/Duties come with slots/)).toBeVisible();
});

test("a viewer reads people and their duties without edit controls", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people`);
  await expect(page.getByRole("table", { name: "People" }).getByRole("rowheader")).toHaveCount(12);
  await expect(page.getByRole("form", { name: "Add a person" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Remove) / })).toHaveCount(0);
  await expect(page.getByText("You can read this list")).toBeVisible();
  await captureScreens(page, testInfo, "people-viewer");

  await page.getByRole("link", { name: "Kavya Rao" }).click();
  const duties = page.getByRole("table", { name: "Duties of Kavya Rao" });
  await expect(duties.getByRole("row")).toHaveCount(1 + 9);
  await expect(duties.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Payments",
    "Product vision",
    "PO",
    /Accountable/,
  ]);
  await expect(page.getByRole("button", { name: /Edit|Remove/ })).toHaveCount(0);
});

test("an organisation without people explains where they come from", async ({ page }) => {
  const { user, organization } = await createAccount();
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people`);
  await expect(page.getByText("No people yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "import a whole map" })).toHaveAttribute(
    "href",
    `/${organization.slug}/import-export`,
  );
});

test("a large organisation's people come a page at a time, and can be found by name or load", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", generatedTeams: 30 });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people`);
  const table = page.getByRole("table", { name: "People" });
  const status = page.getByRole("status").filter({ hasText: /^Showing|^Nobody/ });
  await expect(status).toHaveText(/^Showing 1–50 of \d{3}$/);
  const total = Number((await status.textContent())!.match(/of (\d+)/)![1]);
  await expect(table.getByRole("rowheader")).toHaveCount(50);
  await captureScreens(page, testInfo, "people-paged");

  const firstOnPageOne = await table.getByRole("rowheader").first().textContent();
  // Each person's email is shown under their name.
  const emailsShown = () => table.getByRole("rowheader").locator("span").allTextContents();
  const emailsOnPageOne = await emailsShown();
  const pages = page.getByRole("navigation", { name: "Pages of people" });
  await expect(pages.getByRole("button", { name: "← Previous" })).toBeDisabled();
  await pages.getByRole("button", { name: "Next →" }).click();
  await expect(status).toHaveText(`Showing 51–100 of ${total}`);
  await expect(pages).toContainText(`Page 2 of ${Math.ceil(total / 50)}`);
  await expect(table.getByRole("rowheader").first()).not.toHaveText(firstOnPageOne!);
  // The server pages them: the first page's document carries none of the second page's people (emails are unique).
  const pageOne = await (await page.request.get(`/${organization.slug}/people`)).text();
  expect(emailsOnPageOne.length).toBeGreaterThan(10);
  for (const email of emailsOnPageOne) expect(pageOne).toContain(email);
  const emailsOnPageTwo = await emailsShown();
  expect(emailsOnPageTwo.length).toBeGreaterThan(10);
  for (const email of emailsOnPageTwo) expect(pageOne).not.toContain(email);

  // Finding someone goes back to the first page of what matches.
  const someone = (await table.getByRole("rowheader").nth(3).getByRole("link").textContent())!;
  await page.getByLabel("Find").fill(someone.toUpperCase());
  // The server finds them. Generated names repeat now and then: everyone shown has the name.
  await expect(status).toHaveText(/^Showing 1–(\d+) of \1$/);
  await expect(table.getByRole("link", { name: someone, exact: true }).first()).toBeVisible();
  for (const header of await table.getByRole("rowheader").all()) await expect(header).toContainText(someone);

  await page.getByLabel("Find").fill("");
  await expect(status).toHaveText(`Showing 1–50 of ${total}`);
  await page.getByLabel("Only people over capacity").check();
  await expect(status).not.toHaveText(`Showing 1–50 of ${total}`);
  await expect(status).toHaveText(/^Showing 1–\d+ of \d+$/);
  const overloaded = Number((await status.textContent())!.match(/of (\d+)/)?.[1] ?? 0);
  expect(overloaded).toBeGreaterThan(0);
  await expect(page.getByText(`${total} people, ${overloaded} over capacity.`)).toBeVisible();
  expect(overloaded).toBeLessThan(total);
  await expect(table.getByRole("rowheader").first()).toBeVisible();
  const shownRows = table.locator("tbody tr");
  const shownCount = await shownRows.count();
  for (let index = 0; index < shownCount; index++) await expect(shownRows.nth(index)).toContainText("over capacity");
});
