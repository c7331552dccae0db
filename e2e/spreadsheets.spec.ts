// Issue 26, "bring your spreadsheet": a lead imports the RACI sheet they already keep into a new team, checks and fixes
// what the preview matched, applies it, sees the matrix and its flags, and undoes it.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createAccount, managerWithToken, signIn } from "./fixtures/accounts";
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

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LEVELS: Record<string, string> = { A: "accountable", R: "responsible", C: "consulted", I: "informed" };

type TMapAnswer = {
  teams: { key: string; assignments: { duty: string; slot: string; level: string }[] }[];
};
type TJournalAnswer = { groups: { groupId: string; action: string; entries: { entity: string }[] }[] };

/** A script's view of the API: a Manager token's calls to one organisation, over HTTP to the built app. */
function apiOf(request: APIRequestContext, slug: string, secret: string) {
  const url = (path: string) => `/api/v1/orgs/${slug}${path}`;
  const authorization = `Bearer ${secret}`;
  return {
    get: (path: string) => request.get(url(path), { headers: { authorization } }),
    put: (path: string, data: Buffer | string, headers: Record<string, string>) =>
      request.put(url(path), { headers: { authorization, ...headers }, data }),
    async map() {
      const answer = await request.get(url("/map"), { headers: { authorization } });
      expect(answer.status()).toBe(200);
      return { document: (await answer.json()) as TMapAnswer, etag: answer.headers().etag! };
    },
    async newestGroup() {
      const answer = await request.get(url("/journal?limit=1"), { headers: { authorization } });
      return ((await answer.json()) as TJournalAnswer).groups[0]!;
    },
  };
}

const levelOf = (document: TMapAnswer, team: string, duty: string, slot: string) =>
  document.teams
    .find((candidate) => candidate.key === team)!
    .assignments.find((cell) => cell.duty === duty && cell.slot === slot)?.level ?? null;

test("a script exports map.xlsx, edits a cell, and PUTs it back with If-Match; a broken one is refused by cell", async ({
  request,
}) => {
  const { slug, secret } = await managerWithToken();
  const api = apiOf(request, slug, secret);
  const exported = await api.get("/map.xlsx");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toBe(XLSX);
  const { document: before, etag } = await api.map();
  const groupBefore = await api.newestGroup();

  // As a lead would in a spreadsheet: a level changed on a team's sheet (the Assignments sheet, which repeats the
  // levels for other tools, deleted, as the workbook asks when its team sheets are edited).
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exported.body()) as never);
  const sheet = workbook.worksheets[0]!;
  const [team, duty, slot] = [sheet.getCell("B1").text, sheet.getCell("A4").text, sheet.getCell("C3").text];
  const was = sheet.getCell("C4").text;
  const now = was === "I" ? "C" : "I";
  sheet.getCell("C4").value = now;
  workbook.removeWorksheet(workbook.getWorksheet("Assignments")!.id);
  const edited = Buffer.from(await workbook.xlsx.writeBuffer());

  // A broken copy: a capacity that is no number, and a holder nobody is; refused by cell, nothing written.
  const people = workbook.getWorksheet("People")!;
  const slots = workbook.getWorksheet("Slots")!;
  people.getCell("D2").value = "lots";
  const refused = await api.put("/map", Buffer.from(await workbook.xlsx.writeBuffer()), {
    "content-type": XLSX,
    "if-match": etag,
  });
  expect(refused.status()).toBe(400);
  expect(Object.keys((await refused.json()).error.fields)).toEqual(["'People'!D2"]);
  people.getCell("D2").value = 1;
  slots.getCell("E2").value = "nobody-at-all";
  const unknownHolder = await api.put("/map", Buffer.from(await workbook.xlsx.writeBuffer()), {
    "content-type": XLSX,
    "if-match": etag,
  });
  expect(unknownHolder.status()).toBe(400);
  const { error } = (await unknownHolder.json()) as { error: { message: string; fields: Record<string, string[]> } };
  expect(error.message).toMatch(/under its cell/);
  expect(Object.keys(error.fields)).toEqual(["'Slots'!E2"]);
  expect(error.fields["'Slots'!E2"]!.join(" ")).toContain("nobody-at-all");
  expect((await api.map()).etag).toBe(etag);
  expect((await api.newestGroup()).groupId).toBe(groupBefore.groupId);

  // The edited workbook: imported, one journal action, the cell changed.
  const imported = await api.put("/map", edited, { "content-type": XLSX, "if-match": etag });
  expect(imported.status(), await imported.text()).toBe(200);
  const { document: after, etag: afterEtag } = await api.map();
  expect(levelOf(before, team, duty, slot)).toBe(was === "" ? null : LEVELS[was]);
  expect(levelOf(after, team, duty, slot)).toBe(LEVELS[now]);
  const group = await api.newestGroup();
  expect(group.groupId).not.toBe(groupBefore.groupId);
  expect(group.action).toBe("map.import");
  expect(group.entries.map((entry) => entry.entity)).toContain("assignment");

  // The same workbook again, with the ETag it was exported under: the map changed since, so nothing (412).
  const stale = await api.put("/map", edited, { "content-type": XLSX, "if-match": etag });
  expect(stale.status()).toBe(412);
  expect((await api.map()).etag).toBe(afterEtag);
});

test("a script edits map.csv and PUTs it back; a broken line is refused by line and column", async ({ request }) => {
  const { slug, secret } = await managerWithToken();
  const api = apiOf(request, slug, secret);
  const exported = await api.get("/map.csv");
  expect(exported.status()).toBe(200);
  const [header, ...lines] = (await exported.text()).trimEnd().split("\r\n");
  const columns = header!.replace(/^\uFEFF/, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  // A line without quoted commas, to edit as text.
  const index = lines.findIndex((line) => line.split(",").length === columns.length);
  const cells = lines[index]!.split(",");
  const [team, duty, slot] = [cells[at("Team key")]!, cells[at("Duty key")]!, cells[at("Slot key")]!];
  const now = cells[at("Level")] === "informed" ? "consulted" : "informed";
  const { etag } = await api.map();
  const groupBefore = await api.newestGroup();
  const csvWith = (level: string) => {
    const edited = [...cells];
    edited[at("Level")] = level;
    return [header, ...lines.map((line, each) => (each === index ? edited.join(",") : line))].join("\r\n");
  };

  const refused = await api.put("/map", csvWith("maybe"), { "content-type": "text/csv" });
  expect(refused.status()).toBe(400);
  expect(Object.keys((await refused.json()).error.fields)).toEqual([`line ${index + 2}, Level`]);
  expect((await api.map()).etag).toBe(etag);
  expect((await api.newestGroup()).groupId).toBe(groupBefore.groupId);

  const imported = await api.put("/map", csvWith(now), { "content-type": "text/csv", "if-match": etag });
  expect(imported.status(), await imported.text()).toBe(200);
  expect(levelOf((await api.map()).document, team, duty, slot)).toBe(now);
  const group = await api.newestGroup();
  expect(group.action).toBe("map.import");
  expect(group.groupId).not.toBe(groupBefore.groupId);
});
