// Issue 26, "bring your spreadsheet": a lead imports the RACI sheet they already keep into a new team, checks and fixes
// what the preview matched, applies it, sees the matrix and its flags, and undoes it.
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens, pageOverflow } from "./fixtures/screens";

const cell = (page: Page, dutyKey: string, slotKey: string) => page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);

// As such sheets are kept: a title, a legend, a blank row, then the header; one misspelt duty ("Product vison"),
// one "A/R" cell, one row the lead matches to a duty the catalogue words differently, and a role the team has no slot for.
const SHEET = [
  "Checkout Payments: who does what,,,",
  "Legend: R = Responsible / A = Accountable,C = Consulted,I = Informed,",
  ",,,",
  "Duty,Product Owner,PM,Designer",
  "Product vison,A/R,C,I",
  "Roadmap prioritisation,R,A,",
  "Delivery planning,A,R,C",
].join("\r\n");

test("a lead imports a RACI sheet into a new team, fixes the matches, applies it, and undoes it", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER" });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await page.getByLabel("New team name").fill("Checkout Payments");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(`/${organization.slug}/teams/checkout-payments`);
  const flags = page.getByRole("region", { name: /^Flags/ });
  await expect(flags).toContainText("Nobody is accountable for Product vision in Checkout Payments");

  await page.getByRole("button", { name: "Import a RACI sheet" }).click();
  const importer = page.getByRole("region", { name: "Import a RACI sheet" });
  await importer
    .getByLabel("Spreadsheet (CSV or Excel .xlsx)")
    .setInputFiles({ name: "checkout-raci.csv", mimeType: "text/csv", buffer: Buffer.from(SHEET) });

  // The header is found below the title and the legend; columns are matched to the team's slots.
  await expect(importer.getByRole("status").filter({ hasText: "the header is row 4" })).toBeVisible();
  await expect(importer.getByLabel("Column B “Product Owner” becomes")).toHaveValue(/./);
  await expect(importer.getByLabel("Column B “Product Owner” becomes").locator("option:checked")).toHaveText(
    "The PO slot",
  );
  await expect(importer.getByLabel("Column D “Designer” becomes").locator("option:checked")).toHaveText(
    "A new slot: Designer",
  );
  // The misspelt duty is matched to its closest duty, and says it is not exact.
  const misspelt = importer.getByLabel("Row 5 “Product vison” is");
  await expect(misspelt.locator("option:checked")).toHaveText("Product vision (closest match)");
  await expect(importer.getByRole("rowheader", { name: /Product vison/ })).toContainText("Not an exact match");
  // "Delivery planning" is close to no duty: it would be a new duty; the lead matches it to the catalogue's.
  const delivery = importer.getByLabel("Row 7 “Delivery planning” is");
  await expect(delivery.locator("option:checked")).toHaveText("A new duty: Delivery planning");
  await delivery.selectOption({ label: "Working with the development team to build to the roadmap" });
  await expect(delivery.locator("option:checked")).toHaveText(
    "Working with the development team to build to the roadmap",
  );
  // "A/R" keeps the stronger level, and the preview says so with the cell's place.
  await expect(importer).toContainText(
    'Note: Cell B5: "A/R" names more than one level; a cell holds one, so the stronger (A) is kept.',
  );
  const changes = importer.getByRole("table", { name: /Cells that change/ });
  await expect(changes).toHaveAccessibleName("Cells that change (8)");
  await expect(importer).toContainText("Nobody is accountable for Product vision in Checkout Payments");
  await captureScreens(page, testInfo, "raci-import-preview");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageOverflow(page)).toEqual({ beyond: 0, culprits: [] });
  await page.screenshot({ path: testInfo.outputPath("raci-import-preview-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await importer.getByRole("button", { name: "Apply 8 changes" }).click();
  await expect(page.getByText("Imported the RACI sheet: 8 cells changed, 1 slot added.")).toBeVisible();
  await expect(importer).toHaveCount(0);
  await expect(cell(page, "vision", "po")).toHaveAccessibleName(/: Accountable/);
  await expect(cell(page, "vision", "designer")).toHaveAccessibleName(/: Informed/);
  await expect(cell(page, "delivery", "po")).toHaveAccessibleName(/: Accountable/);
  await expect(cell(page, "roadmap", "pm")).toHaveAccessibleName(/: Accountable/);
  await expect(flags).not.toContainText("Nobody is accountable for Product vision");
  await expect(flags).toContainText("The Designer slot in Checkout Payments is vacant.");
  await captureScreens(page, testInfo, "raci-import-applied");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undid the RACI sheet import.")).toBeVisible();
  await expect(cell(page, "vision", "po")).toHaveAccessibleName(/: no level/);
  await expect(cell(page, "vision", "designer")).toHaveCount(0);
  await expect(flags).toContainText("Nobody is accountable for Product vision in Checkout Payments");
});

test("a file that is no RACI sheet is refused in words, and nothing can be applied", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/teams/search`);
  await page.getByRole("button", { name: "Import a RACI sheet" }).click();
  const importer = page.getByRole("region", { name: "Import a RACI sheet" });
  await importer.getByLabel("Spreadsheet (CSV or Excel .xlsx)").setInputFiles({
    name: "notes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Some notes\r\nno levels here\r\n"),
  });
  await expect(importer.getByRole("alert")).toContainText('No header found on "CSV"');
  await expect(importer.getByRole("button", { name: /^Apply/ })).toHaveCount(0);
});

test("the overview hands on a PDF report, and the built app writes and reads workbooks", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await expect(page.getByRole("table", { name: "Teams by duty" })).toBeVisible();
  await captureScreens(page, testInfo, "overview-report-button");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download report (PDF)" }).click();
  const report = await download;
  expect(report.suggestedFilename()).toBe(`${organization.slug}-report.pdf`);
  const pdf = await (await page.request.get(`/api/v1/orgs/${organization.slug}/report.pdf`)).body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  const workbook = await page.request.get(`/api/v1/orgs/${organization.slug}/map.xlsx`);
  expect(workbook.status()).toBe(200);
  const bytes = await workbook.body();
  const imported = await page.request.put(`/api/v1/orgs/${organization.slug}/map`, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      origin: new URL(page.url()).origin,
    },
    data: bytes,
  });
  expect(imported.status(), await imported.text()).toBe(200);
});
