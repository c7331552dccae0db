import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens } from "./fixtures/screens";

type TDocument = {
  format: string;
  duties: { key: string; name: string }[];
  people: { key: string; name: string; email?: string; capacity?: number }[];
  teams: {
    key: string;
    name: string;
    slots: { key: string; role: string; holder: string | null }[];
    assignments: { duty: string; slot: string; level: string }[];
  }[];
  rules: { id: string; severity: string; params: Record<string, unknown>; exemptTeams: string[] }[];
};

async function downloadOf(page: Page, start: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent("download");
  await start();
  return download;
}

/** The folding list of one kind's changes in the preview. */
function changesOf(page: Page, kind: string) {
  return page.locator("details").filter({ has: page.locator("summary", { hasText: new RegExp(`^${kind}`) }) });
}

async function contentOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/**
 * The PNG's size in pixels; the share of its pixels that are light (luminance over half); and how much is drawn on
 * it, as the share of pixels far from the mean luminance (text, badges, borders).
 */
function pngOf(content: Buffer) {
  const image = PNG.sync.read(content);
  const luminances: number[] = [];
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const [red, green, blue] = [image.data[offset]!, image.data[offset + 1]!, image.data[offset + 2]!];
    luminances.push(0.2126 * red + 0.7152 * green + 0.0722 * blue);
  }
  const shareOf = (test: (luminance: number) => boolean) => luminances.filter(test).length / luminances.length;
  const mean = luminances.reduce((sum, each) => sum + each, 0) / luminances.length;
  return {
    width: image.width,
    height: image.height,
    light: shareOf((each) => each > 128),
    inked: shareOf((each) => Math.abs(each - mean) > 100),
  };
}

/** The download is a PNG of the element `targetId` as drawn, all in the theme's colours, with the table on it. */
async function expectDrawing(page: Page, download: Download, targetId: string, theme: "light" | "dark") {
  const image = pngOf(await contentOf(download));
  // Soft, so that one run reports every way the image is wrong.
  expect.soft({ width: image.width, height: image.height }).toEqual(await drawnSizeOf(page, targetId));
  // The demo map's tables are about 97 % light in the light theme and 2 % in the dark one; a light table drawn on
  // the dark page (the theme lost while drawing) is about 21 % light.
  if (theme === "light") expect.soft(image.light, "the light theme's image is light").toBeGreaterThan(0.9);
  else expect.soft(image.light, "the dark theme's image is dark").toBeLessThan(0.1);
  // About 1.5-4 % for the demo map's tables; a blank image has none.
  expect.soft(image.inked, "the image shows the table").toBeGreaterThan(0.005);
}

/**
 * The size the PNG of the element `targetId` must have: the whole element, scrolled-out parts included, as laid out
 * while it is drawn (controls give way to the values they hold), at DownloadPngButton's pixel ratio of 2, whatever
 * the screen's devicePixelRatio.
 */
async function drawnSizeOf(page: Page, targetId: string) {
  return page.locator(`#${targetId}`).evaluate((element) => {
    element.dataset.drawing = "";
    const size = { width: element.scrollWidth * 2, height: element.scrollHeight * 2 };
    delete element.dataset.drawing;
    return size;
  });
}

/** Signs in as an Owner of a new organisation with the demo map and opens Import / export. */
async function openImportExport(page: Page) {
  const { user, organization } = await createAccount({ withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/import-export`);
  return organization;
}

/** The map as the Download JSON link gives it. */
async function downloadExport(page: Page): Promise<TDocument> {
  const json = await downloadOf(page, () => page.getByRole("link", { name: "Download JSON" }).click());
  return JSON.parse((await contentOf(json)).toString("utf8")) as TDocument;
}

async function chooseFile(page: Page, name: string, document: unknown) {
  await page.getByLabel("Map file (remit.map/v1 JSON)").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(document, null, 2)),
  });
}

/** An export with three edits: a team renamed, a person added, and an accountable slot for Search's market research. */
function editedCopy(exported: TDocument): TDocument {
  const edited = structuredClone(exported);
  edited.teams.find((team) => team.key === "checkout")!.name = "Checkout EU";
  edited.people.push({ key: "nia-brown", name: "Nia Brown", email: "nia@acme.example", capacity: 1 });
  edited.teams
    .find((team) => team.key === "search")!
    .assignments.push({ duty: "market-research", slot: "pm", level: "accountable" });
  return edited;
}

test("the map downloads as remit.map/v1 JSON and as CSV", async ({ page }) => {
  const { user, organization } = await createAccount({ withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Import / export" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import / export");
  await expect(page.getByText("The map has 5 teams, 12 people, 11 duties, 17 slots and 86 assignments.")).toBeVisible();
  // The page says how large the map is without carrying it: the map is loaded only to compare a file with it (at
  // 1,000 teams it made the page 11 MB).
  const document = await page.request.get(`/${organization.slug}/import-export`);
  expect(await document.text()).not.toContain("Amara Okafor");

  const json = await downloadOf(page, () => page.getByRole("link", { name: "Download JSON" }).click());
  expect(json.suggestedFilename()).toBe(`${organization.slug}-map.json`);
  const exported = JSON.parse((await contentOf(json)).toString("utf8")) as TDocument;
  expect(exported.format).toBe("remit.map/v1");
  expect(exported.teams.map((team) => team.key)).toEqual(["checkout", "growth", "payments", "platform", "search"]);
  const csv = await downloadOf(page, () => page.getByRole("link", { name: "Download CSV" }).click());
  expect(csv.suggestedFilename()).toBe(`${organization.slug}-assignments.csv`);
  const lines = (await contentOf(csv)).toString("utf8").trim().split(/\r?\n/);
  expect(lines[0]).toContain("Team,Team key,Duty,Duty key");
  expect(lines).toHaveLength(1 + 86);
});

test("a file with mistakes lists each problem with its JSON path and cannot be applied", async ({ page }, testInfo) => {
  await openImportExport(page);
  const broken = await downloadExport(page);
  broken.teams[0]!.slots[0]!.holder = "nobody-here";
  broken.teams[1]!.assignments[0]!.level = "boss";
  broken.people[0]!.key = "Not A Key";
  await chooseFile(page, "broken-map.json", broken);

  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(page.getByRole("alert").filter({ hasText: "3 problems in broken-map.json" })).toBeVisible();
  await expect(problems.getByRole("row").filter({ hasText: "teams[0].slots[0].holder" })).toContainText(
    'No person has the key "nobody-here"',
  );
  await expect(problems.getByRole("row").filter({ hasText: "teams[1].assignments[0].level" })).toContainText(
    'Set "level" to "accountable"',
  );
  await expect(problems.getByRole("row").filter({ hasText: "people[0].key" })).toContainText("lower-case letters");
  await expect(page.getByRole("button", { name: "Replace the map" })).toBeDisabled();
  await captureScreens(page, testInfo, "import-problems");
});

test("pasted text is checked the same way", async ({ page }) => {
  await openImportExport(page);
  const paste = page.getByLabel("Or paste the JSON");
  await paste.fill("{ not json");
  await page.getByRole("button", { name: "Preview the pasted map" }).click();
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row").nth(1)).toContainText("(the whole file)");
  await expect(problems).toContainText("This is not valid JSON");
  await expect(page.getByRole("button", { name: "Replace the map" })).toBeDisabled();

  await paste.fill(JSON.stringify({ format: "remit.map/v2", teams: {} }));
  await page.getByRole("button", { name: "Preview the pasted map" }).click();
  await expect(problems.getByRole("row").filter({ hasText: /^format/ })).toContainText(
    'Remit can import "remit.map/v1" only',
  );
  await expect(problems.getByRole("row").filter({ hasText: /^teams/ })).toContainText('"teams" must be a list');

  // Discard clears the preview.
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(problems).toHaveCount(0);
});

test("the preview of an edited export lists what would change", async ({ page }, testInfo) => {
  await openImportExport(page);
  await chooseFile(page, "edited-map.json", editedCopy(await downloadExport(page)));

  await expect(page.getByText("edited-map.json is a valid map.")).toBeVisible();
  await expect(page.getByText("it makes 3 changes")).toBeVisible();
  const counts = page.getByRole("table", { name: "Changes by kind" });
  await expect(counts.getByRole("row", { name: /^Teams/ }).getByRole("cell")).toHaveText(["0", "0", "~1"]);
  await expect(counts.getByRole("row", { name: /^People/ }).getByRole("cell")).toHaveText(["+1", "0", "0"]);
  await expect(counts.getByRole("row", { name: /^Slots/ }).getByRole("cell")).toHaveText(["0", "0", "0"]);
  await expect(counts.getByRole("row", { name: /^Assignments/ }).getByRole("cell")).toHaveText(["+1", "0", "0"]);
  await expect(changesOf(page, "Teams")).toContainText("name: Checkout → Checkout EU");
  await expect(changesOf(page, "People")).toContainText("Nia Brown");
  await expect(changesOf(page, "Assignments")).toContainText("Search · Market research · PM (accountable)");
  await expect(page.getByText("Replacing the map cannot be undone.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Replace the map" })).toBeEnabled();
  await captureScreens(page, testInfo, "import-preview");
});

test("a valid file waits for the current map to compare it with, and says so if the map cannot be loaded", async ({
  page,
}) => {
  await openImportExport(page);
  const exported = await downloadExport(page);
  // The map is loaded only now, to compare the file with: held back, then refused.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let mapLoads = 0;
  await page.route(/\/api\/v1\/orgs\/[^/]+\/state(\?|$)/, async (route) => {
    mapLoads += 1;
    await held;
    await route.fulfill({ status: 503, json: { error: { code: "unavailable", message: "Try again." } } });
  });
  await chooseFile(page, "same-map.json", exported);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "same-map.json is a valid map. Loading the current map to compare it with…" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Replace the map" })).toBeDisabled();
  release();
  await expect(
    page.getByRole("status").filter({ hasText: "the current map could not be loaded to compare it with" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Replace the map" })).toBeDisabled();
  expect(mapLoads).toBeGreaterThan(0);

  // Once it loads, the preview compares.
  await page.unroute(/\/api\/v1\/orgs\/[^/]+\/state(\?|$)/);
  await page.getByRole("button", { name: "Discard" }).click();
  await chooseFile(page, "same-map.json", exported);
  await expect(page.getByRole("status").filter({ hasText: "It matches the current map." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Replace the map" })).toBeEnabled();
});

test("replacing the map applies the file, and the overview shows it", async ({ page }) => {
  await openImportExport(page);
  await chooseFile(page, "edited-map.json", editedCopy(await downloadExport(page)));
  await expect(page.getByText("it makes 3 changes")).toBeVisible();

  await page.getByRole("button", { name: "Replace the map" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Replaced the map: 5 teams, 13 people, 11 duties" }),
  ).toBeVisible();
  const result = page.getByRole("status").filter({ hasText: "The map was replaced" });
  await expect(result).toBeFocused();
  await expect(page.getByText(/The map has 5 teams, 13 people/)).toBeVisible();
  await result.getByRole("link", { name: "Open the overview" }).click();
  const overview = page.getByRole("table", { name: "Teams by duty" });
  await expect(overview.getByRole("link", { name: "Checkout EU" })).toBeVisible();
  await expect(overview.getByRole("img", { name: "Market research: nobody accountable" })).toHaveCount(0);
});

test("the preview lists the rules a file changes, and replacing the map sets them", async ({ page }) => {
  const organization = await openImportExport(page);
  const edited = await downloadExport(page);
  expect(edited.rules).toHaveLength(12);
  Object.assign(
    edited.rules.find((rule) => rule.id === "team_size")!,
    { severity: "warning", params: { max: 2 } },
  );
  await chooseFile(page, "stricter-map.json", edited);

  await expect(page.getByText("it makes 1 change")).toBeVisible();
  const counts = page.getByRole("table", { name: "Changes by kind" });
  await expect(counts.getByRole("row", { name: /^Rules/ }).getByRole("cell")).toHaveText(["0", "0", "~1"]);
  await expect(changesOf(page, "Rules")).toContainText("severity: off → warning");
  await expect(changesOf(page, "Rules")).toContainText("max: 9 → 2");

  await page.getByRole("button", { name: "Replace the map" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The map was replaced" })).toBeVisible();
  const answer = await page.request.get(`/api/v1/orgs/${organization.slug}/rules`);
  const { rules } = (await answer.json()) as { rules: { id: string; severity: string; params: object }[] };
  expect(rules.find((rule) => rule.id === "team_size")).toMatchObject({ severity: "warning", params: { max: 2 } });
});

test("the overview and a team's matrix download as PNG images", async ({ page }, testInfo) => {
  // A manager: the matrix has holder pickers, which the image shows as the names they hold.
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  const overview = await downloadOf(page, () =>
    page.getByRole("button", { name: "Download PNG: the overview table" }).click(),
  );
  expect(overview.suggestedFilename()).toBe(`${organization.slug}-overview.png`);
  await expectDrawing(page, overview, "overview-table", "light");
  // Kept with the test's artifacts, to look at.
  await overview.saveAs(testInfo.outputPath("overview-download.png"));

  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Growth" }).click();
  const matrix = await downloadOf(page, () =>
    page.getByRole("button", { name: "Download PNG: the Growth matrix" }).click(),
  );
  expect(matrix.suggestedFilename()).toBe(`${organization.slug}-growth-matrix.png`);
  await expectDrawing(page, matrix, "team-matrix", "light");
  await matrix.saveAs(testInfo.outputPath("matrix-download.png"));
  // In the dark theme, the image is dark too.
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await downloadOf(page, () =>
    page.getByRole("button", { name: "Download PNG: the Growth matrix" }).click(),
  );
  await expectDrawing(page, dark, "team-matrix", "dark");
  await dark.saveAs(testInfo.outputPath("matrix-download-dark.png"));
});

test("a viewer can download the map but not import one", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/import-export`);
  await expect(page.getByRole("link", { name: "Download JSON" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toBeVisible();
  await expect(page.getByLabel("Map file (remit.map/v1 JSON)")).toHaveCount(0);
  await expect(page.getByLabel("Or paste the JSON")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Replace the map" })).toHaveCount(0);
  await expect(
    page.getByText("Importing replaces the whole map, so it takes the Manager or Owner role."),
  ).toBeVisible();
  await captureScreens(page, testInfo, "import-export-viewer");

  const json = await downloadOf(page, () => page.getByRole("link", { name: "Download JSON" }).click());
  expect((JSON.parse((await contentOf(json)).toString("utf8")) as TDocument).teams).toHaveLength(5);
});

test("a map changed after its preview is not replaced until the new preview has been seen", async ({ page }) => {
  // No live events in this browser: it learns of the colleague's edit only when it tries to replace the map.
  await page.route("**/events", (route) => route.abort());
  const organization = await openImportExport(page);
  await chooseFile(page, "edited-map.json", editedCopy(await downloadExport(page)));
  await expect(page.getByText("it makes 3 changes")).toBeVisible();

  const payments = await db.team.findFirstOrThrow({ where: { organizationId: organization.id, key: "payments" } });
  const renamed = await page.request.patch(`/api/v1/orgs/${organization.slug}/teams/${payments.id}`, {
    headers: { origin: new URL(page.url()).origin },
    data: { name: "Payments and billing" },
  });
  expect(renamed.status()).toBe(200);

  await page.getByRole("button", { name: "Replace the map" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The map has changed since you looked at it" })).toBeVisible();
  // The preview now includes undoing the colleague's rename; replacing again is a decision made knowing it.
  await expect(page.getByText("it makes 4 changes")).toBeVisible();
  expect((await db.team.findUniqueOrThrow({ where: { id: payments.id } })).name).toBe("Payments and billing");

  await page.getByRole("button", { name: "Replace the map" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replaced the map" })).toBeVisible();
  expect((await db.team.findUniqueOrThrow({ where: { id: payments.id } })).name).toBe("Payments");
});
