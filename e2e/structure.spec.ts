// Issue 24, the structure view: the organisation as a picture of its teams, their holders and the people they share.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens, pageOverflow } from "./fixtures/screens";

const DEMO_TEAMS = ["Checkout", "Growth", "Payments", "Platform", "Search"];

const cards = (page: Page) => page.getByTestId("structure-team");
const card = (page: Page, key: string) => page.locator(`[data-testid="structure-team"][data-team-key="${key}"]`);

async function openStructure(page: Page, slug: string) {
  await page.goto(`/${slug}/structure`);
  await expect(page.getByRole("heading", { name: "Structure", level: 1 })).toBeVisible();
  // Laid out and drawn: every card has its place.
  await expect(page.getByRole("status").filter({ hasText: "Laying out" })).toHaveCount(0);
}

/** Whether the element's centre is inside the picture's frame as it is shown now. */
async function isInView(page: Page, key: string): Promise<boolean> {
  const frame = await page.locator(".react-flow").boundingBox();
  const box = await card(page, key).boundingBox();
  if (!frame || !box) return false;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  return x > frame.x && x < frame.x + frame.width && y > frame.y && y < frame.y + frame.height;
}

test("the demo organisation's structure: every team, shared people as links, search, open, export, keyboard", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await page.getByRole("navigation").getByRole("link", { name: "Structure" }).first().click();
  await openStructure(page, organization.slug);

  // Every team, in its group, with its holders; the three people shared by two teams as three links.
  await expect(cards(page)).toHaveCount(DEMO_TEAMS.length);
  for (const name of DEMO_TEAMS) await expect(cards(page).filter({ hasText: name })).toHaveCount(1);
  for (const group of ["Commerce", "Customer", "Platform"]) {
    await expect(page.locator(".react-flow__node-area").filter({ hasText: group })).toHaveCount(1);
  }
  await expect(card(page, "payments")).toContainText("PO");
  const links = page.locator(".react-flow__edge");
  await expect(links).toHaveCount(3);
  await expect(page.locator(`.react-flow__edge[aria-label="Payments and Platform share Jonas Berg"]`)).toHaveCount(1);
  // Jonas is overloaded: his link is red.
  await expect(page.locator(`.react-flow__edge[aria-label*="Jonas Berg"] path`).first()).toHaveCSS(
    "stroke",
    "rgb(220, 38, 38)",
  );
  await captureScreens(page, testInfo, "structure");

  // Hovering a person lights every team they hold a slot in.
  await card(page, "platform").locator("[data-person='jonas-berg']").hover();
  await expect(page.locator("[data-testid='structure-team'][data-lit]")).toHaveCount(2);
  await expect(card(page, "payments")).toHaveAttribute("data-lit", "true");
  await page.mouse.move(0, 0);
  await expect(page.locator("[data-testid='structure-team'][data-lit]")).toHaveCount(0);

  // The keyboard reaches every team card, in the picture's order.
  await page.getByLabel("Find a team or person").focus();
  const reached = new Set<string>();
  for (let press = 0; press < 30 && reached.size < DEMO_TEAMS.length; press++) {
    await page.keyboard.press("Tab");
    const key = await page.evaluate(() => document.activeElement?.getAttribute("data-team-link") ?? null);
    if (key) reached.add(key);
  }
  expect([...reached].sort()).toEqual(DEMO_TEAMS.map((name) => name.toLowerCase()));

  // Search flies to a team: zoom in on Checkout first, so that Search is out of view.
  await page.getByLabel("Find a team or person").fill("Checkout");
  await page.getByRole("button", { name: "Checkout team" }).click();
  await expect(card(page, "checkout")).toHaveAttribute("data-found", "true");
  await expect.poll(() => isInView(page, "checkout")).toBe(true);
  await page.getByLabel("Find a team or person").fill("sear");
  await page.getByLabel("Find a team or person").press("Enter");
  await expect(card(page, "search")).toHaveAttribute("data-found", "true");
  await expect.poll(() => isInView(page, "search")).toBe(true);
  // A person: their teams light up.
  await page.getByLabel("Find a team or person").fill("Diana");
  await page.getByRole("button", { name: "Diana Reyes person" }).click();
  await expect(card(page, "growth")).toHaveAttribute("data-lit", "true");
  await expect(card(page, "search")).toHaveAttribute("data-lit", "true");
  await page.getByRole("button", { name: /Stop highlighting/ }).click();

  // Export: a PNG and an SVG of the whole picture, that decode.
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the structure as PNG" }).click(),
  ]);
  expect(png.suggestedFilename()).toBe(`${organization.slug}-structure.png`);
  const pngBytes = readFileSync((await png.path())!);
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const image = PNG.sync.read(pngBytes);
  expect(image.width).toBeGreaterThan(400);
  expect(image.height).toBeGreaterThan(200);
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the structure as SVG" }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe(`${organization.slug}-structure.svg`);
  const svgText = readFileSync((await svg.path())!, "utf8");
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: document.querySelector("parsererror")?.textContent ?? null,
      root: document.documentElement.nodeName,
      text: document.documentElement.textContent,
      lines: document.querySelectorAll("line").length,
    };
  }, svgText);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("svg");
  expect(parsed.lines).toBe(3);
  for (const name of DEMO_TEAMS) expect(parsed.text).toContain(name);

  // The same facts as text.
  await page.getByText(/The structure as a list/).click();
  const list = page.getByTestId("structure-list");
  await expect(list.getByRole("heading", { name: "Commerce" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Jonas Berg" })).toBeVisible();
  await expect(list).toContainText("overloaded");

  // A click on a card opens its team.
  await card(page, "platform").locator("ul").click();
  await expect(page).toHaveURL(`/${organization.slug}/teams/platform`);
});

test("a draft's structure view shows the draft's map; a past moment shows that map", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/structure`);
  const before = new Date().toISOString();
  const origin = new URL(page.url()).origin;
  const made = await page.request.post(`/api/v1/orgs/${organization.slug}/drafts`, {
    data: { name: "Risk team" },
    headers: { origin },
  });
  expect(made.status()).toBe(201);
  const { draft } = (await made.json()) as { draft: { slug: string } };
  const added = await page.request.post(`/api/v1/orgs/${draft.slug}/teams`, {
    data: { name: "Risk", group: "Commerce" },
    headers: { origin },
  });
  expect(added.status()).toBe(201);
  // The server renders each organisation's own structure (it keeps the last one it decoded, by its content).
  const serverRendered = async (slug: string) =>
    (await (await page.request.get(`/${slug}/structure`)).text()).replaceAll("<!-- -->", "");
  expect(await serverRendered(draft.slug)).toContain(`, ${DEMO_TEAMS.length + 1} teams,`);
  expect(await serverRendered(organization.slug)).toContain(`, ${DEMO_TEAMS.length} teams,`);
  expect(await serverRendered(draft.slug)).toContain(`, ${DEMO_TEAMS.length + 1} teams,`);

  await openStructure(page, draft.slug);
  await expect(cards(page)).toHaveCount(DEMO_TEAMS.length + 1);
  await expect(card(page, "risk")).toBeVisible();
  // The draft's copy of the map keeps each team's group.
  await expect(card(page, "checkout")).toHaveAttribute("data-group", "Commerce");
  await expect(page.locator(".react-flow__node-area").filter({ hasText: "Commerce" })).toBeVisible();
  await openStructure(page, organization.slug);
  await expect(cards(page)).toHaveCount(DEMO_TEAMS.length);

  // Live moves Checkout out of its group, on the team's page; the past map still has it in Commerce.
  await page.goto(`/${organization.slug}/teams/checkout`);
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("Commerce");
  await page.getByLabel("Group", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save group" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Took the team out of its group." })).toBeVisible();
  await openStructure(page, organization.slug);
  await expect(page.locator(".react-flow__node-area").filter({ hasText: "No group" })).toHaveCount(1);
  await expect(card(page, "checkout")).toHaveAttribute("data-group", "");
  await page.goto(`/${organization.slug}/structure?at=${encodeURIComponent(before)}`);
  await expect(page.getByRole("status").filter({ hasText: "Laying out" })).toHaveCount(0);
  await expect(page.locator(".react-flow__node-area").filter({ hasText: "No group" })).toHaveCount(0);
  await expect(card(page, "checkout")).toHaveAttribute("data-group", "Commerce");
  await expect(cards(page)).toHaveCount(DEMO_TEAMS.length);

  // A phone: the view fits 390 px, and the picture still pans inside its frame.
  await page.setViewportSize({ width: 390, height: 844 });
  await openStructure(page, organization.slug);
  expect((await pageOverflow(page)).beyond).toBeLessThanOrEqual(0);
  await captureScreens(page, testInfo, "structure-phone");
});

test("a person's page draws their teams and slots, with their allocation against capacity", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/people/jonas-berg`);
  const section = page.getByRole("region", { name: "Jonas Berg’s teams" });
  await expect(section.getByTestId("person-load")).toHaveText(
    /130% of 100% capacity allocated, in 2 teams: overloaded/,
  );
  await expect(section.getByTestId("structure-team")).toHaveCount(2);
  await expect(card(page, "payments")).toHaveAttribute("data-lit", "true");
  await expect(card(page, "platform")).toHaveAttribute("data-lit", "true");
  await expect(section.locator(".react-flow__edge")).toHaveCount(1);
  await captureScreens(page, testInfo, "person-structure");
});

test("a draft's compare marks, on the draft's structure, the teams it adds or changes, and names those it removes", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  const origin = new URL(page.url()).origin;
  const made = await page.request.post(`/api/v1/orgs/${organization.slug}/drafts`, {
    data: { name: "Risk team" },
    headers: { origin },
  });
  expect(made.status()).toBe(201);
  const { draft } = (await made.json()) as { draft: { id: string; slug: string } };
  const draftApi = `/api/v1/orgs/${draft.slug}`;
  const changes = [
    page.request.post(`${draftApi}/teams`, { data: { name: "Risk", group: "Commerce" }, headers: { origin } }),
    page.request.patch(`${draftApi}/teams/checkout`, { data: { group: "Platform" }, headers: { origin } }),
    page.request.delete(`${draftApi}/teams/search`, { headers: { origin } }),
  ];
  for (const change of changes) expect((await change).ok()).toBe(true);

  await page.goto(`/${organization.slug}/drafts/${draft.id}/compare`);
  await page.getByRole("link", { name: "Changes on the structure" }).click();
  await expect(page.getByRole("heading", { name: "Structure of “Risk team”", level: 1 })).toBeVisible();
  await expect(page.getByTestId("structure-changes")).toContainText("2 teams are new or changed");
  await expect(page.getByTestId("structure-changes")).toContainText("one team is removed: Search");

  // The draft's map, its new and changed teams marked, to the eye and in words; the others not.
  await expect(cards(page)).toHaveCount(DEMO_TEAMS.length);
  await expect(card(page, "risk")).toHaveAttribute("data-change", "added");
  await expect(card(page, "risk")).toContainText("New");
  await expect(card(page, "checkout")).toHaveAttribute("data-change", "changed");
  await expect(card(page, "checkout")).toContainText("Changed");
  await expect(card(page, "checkout").getByRole("link")).toHaveAccessibleName(/changed: group.* in this draft/);
  await expect(card(page, "risk").getByRole("link")).toHaveAccessibleName(/new in this draft/);
  for (const key of ["growth", "payments", "platform"])
    await expect(card(page, key)).not.toHaveAttribute("data-change");
  await expect(card(page, "risk").getByRole("link")).toHaveAttribute("href", `/${draft.slug}/teams/risk`);
  await expect(page.getByRole("list", { name: "Key" })).toContainText("new or changed in the draft");
  // The text alternative says the same.
  await page.getByText(/The structure as a list/).click();
  const list = page.getByTestId("structure-list");
  await expect(list.getByRole("listitem").filter({ hasText: /^New: Risk/ })).toHaveCount(1);
  await expect(list.getByRole("listitem").filter({ hasText: /^Changed: Checkout.*changed: group/ })).toHaveCount(1);
  await expect(list.getByRole("listitem").filter({ hasText: /^Growth/ })).not.toContainText("in this draft");
  // The exported picture marks them too.
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the structure as SVG" }).click(),
  ]);
  expect(readFileSync((await svg.path())!, "utf8").match(/>Changed<|>New</g)).toHaveLength(2);
  await captureScreens(page, testInfo, "structure-draft-changes");

  // Back to the compare page it came from.
  await page.getByRole("link", { name: "← Compare “Risk team”" }).click();
  await expect(page.getByRole("heading", { name: "Compare “Risk team”", level: 1 })).toBeVisible();
});

test("an open structure view follows changes made elsewhere, without a reload", async ({ page, request }) => {
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  const token = await createApiTokenFor(db, { organizationId: organization.id, createdById: user.id, role: "MANAGER" });
  await signIn(page, user);
  await openStructure(page, organization.slug);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(cards(page)).toHaveCount(DEMO_TEAMS.length);
  // Survives only if the page is not loaded again.
  await page.evaluate(() => Object.assign(window, { remitStayed: true }));

  // Another session, over the API: a new team in a group, a team renamed, and Jonas leaving Platform's slot.
  const api = `/api/v1/orgs/${organization.slug}`;
  const headers = { authorization: `Bearer ${token.secret}` };
  expect((await request.post(`${api}/teams`, { data: { name: "Risk", group: "Commerce" }, headers })).status()).toBe(
    201,
  );
  await expect(card(page, "risk")).toBeVisible();
  await expect(card(page, "risk")).toHaveAttribute("data-group", "Commerce");
  expect((await request.patch(`${api}/teams/growth`, { data: { name: "Growth & Ads" }, headers })).ok()).toBe(true);
  await expect(card(page, "growth")).toContainText("Growth & Ads");
  await expect(page.locator(".react-flow__edge[aria-label='Payments and Platform share Jonas Berg']")).toHaveCount(1);
  const vacated = await request.patch(`${api}/teams/platform/slots/tech-lead`, { data: { holderId: null }, headers });
  expect(vacated.ok()).toBe(true);
  // Payments and Platform no longer share him: their link goes.
  await expect(page.locator(".react-flow__edge[aria-label*='Jonas Berg']")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { remitStayed?: boolean }).remitStayed)).toBe(true);
});

test("a large organisation is drawn whole on a canvas first, and as cards once zoomed in", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER", generatedTeams: 300 });
  await signIn(page, user);
  await openStructure(page, organization.slug);
  const frame = page.locator("[data-drawn]");
  await expect(frame).toHaveAttribute("data-drawn", "canvas");
  await expect(page.getByTestId("structure-canvas")).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
  await captureScreens(page, testInfo, "structure-canvas");
  // Search flies to a team: the cards around it are drawn, not the other 300.
  await page.getByLabel("Find a team or person").fill("Checkout");
  await page.getByRole("button", { name: "Checkout team" }).click();
  await expect(frame).toHaveAttribute("data-drawn", "cards");
  await expect(card(page, "checkout")).toHaveAttribute("data-found", "true");
  expect(await cards(page).count()).toBeLessThan(60);
  // Fitting the view again draws the whole on the canvas.
  await page.getByRole("button", { name: "Fit view" }).click();
  await expect(frame).toHaveAttribute("data-drawn", "canvas");
  await expect(cards(page)).toHaveCount(0);
});
