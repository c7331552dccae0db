// Issue 24, the structure view: the organisation as a picture of its teams, their holders and the people they share.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PNG } from "pngjs";
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
