// Issue 24, "what a newcomer stumbled on": a new organisation guides its first steps and shows the map first; page
// addresses name teams and people by key; the overview's flag counts have a key; every screen fits a phone.
import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens, expectAccessible, pageOverflow } from "./fixtures/screens";

test("a new organisation guides the first steps, and the overview puts the map first", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER" });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  const guide = page.getByRole("region", { name: "Getting started" });
  await expect(guide).toBeVisible();
  await expect(guide.getByRole("listitem")).toHaveText([
    /Create a team \(to do\)/,
    /Add people \(to do\)/,
    /Fill each team's PO and PM slots \(to do\)/,
    /Apply the PO\/PM split \(to do\)/,
  ]);
  await expect(guide).toContainText("A healthy map");
  await captureScreens(page, testInfo, "first-steps");

  // The first step, from the form the guide points to: the new team opens at its key's address.
  await page.getByLabel("New team name").fill("Checkout Payments");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(`/${organization.slug}/teams/checkout-payments`);
  await expect(page.getByRole("heading", { name: "Checkout Payments", level: 1 })).toBeVisible();
  await page.goto(`/${organization.slug}`);
  await expect(guide.getByRole("listitem").first()).toHaveText(/Create a team \(done\)/);
  // Its PO and PM are vacant: the guide names the team to fill them in.
  await expect(guide.getByRole("link", { name: "Next: Checkout Payments." }).first()).toHaveAttribute(
    "href",
    `/${organization.slug}/teams/checkout-payments`,
  );
});

test("the overview shows the map before its trend and tools, with a key to the flag counts", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  const map = page.getByRole("table", { name: "Teams by duty" });
  await expect(map).toBeVisible();
  // The demo map has teams set up (PO and PM held, every required duty owned): the first steps are done.
  await expect(page.getByRole("region", { name: "Getting started" })).toHaveCount(0);
  const mapTop = (await map.boundingBox())!.y;
  for (const later of [
    page.getByLabel("New team name"),
    page.getByRole("region", { name: "Time travel" }),
    page.getByRole("heading", { name: "Are we getting better?" }),
  ]) {
    expect((await later.boundingBox())!.y).toBeGreaterThan(mapTop);
  }
  // The map starts on the first screen of a laptop.
  expect(mapTop).toBeLessThan(720);
  await expect(map.getByRole("columnheader", { name: /Flags/ })).toHaveText(/errors \/ warnings \/ info/);
  const firstRow = map.getByRole("row").nth(1);
  await expect(firstRow.getByRole("cell").last()).toHaveText(/\d+ errors \/ \d+ warnings \/ \d+ info/);
});

test("team and person pages are addressed by key; an id is sent on to the key's address", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "VIEWER", withMap: true });
  await signIn(page, user);
  const map = (await (await page.request.get(`/api/v1/orgs/${organization.slug}/map`)).json()) as {
    teams: { key: string; name: string }[];
    people: { key: string; name: string }[];
  };
  const state = (await (await page.request.get(`/api/v1/orgs/${organization.slug}/state`)).json()) as {
    map: { teams: { id: string; key: string }[]; people: { id: string; key: string; name: string }[] };
  };
  const team = map.teams[0]!;
  const teamId = state.map.teams.find((candidate) => candidate.key === team.key)!.id;

  await page.goto(`/${organization.slug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: team.name }).click();
  await expect(page).toHaveURL(`/${organization.slug}/teams/${team.key}`);
  await expect(page.getByRole("heading", { name: team.name, level: 1 })).toBeVisible();

  await page.goto(`/${organization.slug}/teams/${teamId}`);
  await expect(page).toHaveURL(`/${organization.slug}/teams/${team.key}`);
  await expect(page.getByRole("heading", { name: team.name, level: 1 })).toBeVisible();

  const moment = new Date(Date.now() - 1000).toISOString();
  await page.goto(`/${organization.slug}/teams/${teamId}?at=${encodeURIComponent(moment)}`);
  await expect(page).toHaveURL(`/${organization.slug}/teams/${team.key}?at=${encodeURIComponent(moment)}`);

  const person = state.map.people[0]!;
  await page.goto(`/${organization.slug}/people`);
  await page.getByRole("link", { name: person.name, exact: true }).first().click();
  await expect(page).toHaveURL(`/${organization.slug}/people/${person.key}`);
  await page.goto(`/${organization.slug}/people/${person.id}`);
  await expect(page).toHaveURL(`/${organization.slug}/people/${person.key}`);
  await expect(page.getByRole("heading", { name: person.name, level: 1 })).toBeVisible();

  for (const missing of [`/teams/no-such-team`, `/people/no-such-person`]) {
    await page.goto(`/${organization.slug}${missing}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("every screen fits a phone 390 px wide; the sections fold into a menu", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    expect((await pageOverflow(page)).beyond, path).toBeLessThanOrEqual(0);
  }
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  await signIn(page, user);
  const state = (await (await page.request.get(`/api/v1/orgs/${organization.slug}/state`)).json()) as {
    map: { teams: { key: string }[]; people: { key: string }[] };
  };
  const draft = await page.request.post(`/api/v1/orgs/${organization.slug}/drafts`, {
    data: { name: "Phone plan" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(draft.status()).toBe(201);
  const { draft: made } = (await draft.json()) as { draft: { id: string } };
  const screens = [
    "/orgs/new",
    `/${organization.slug}`,
    `/${organization.slug}/structure`,
    `/${organization.slug}/teams/${state.map.teams[0]!.key}`,
    `/${organization.slug}/people`,
    `/${organization.slug}/people/${state.map.people[0]!.key}`,
    `/${organization.slug}/duties`,
    `/${organization.slug}/rules`,
    `/${organization.slug}/drafts`,
    `/${organization.slug}/drafts/${made.id}/compare`,
    `/${organization.slug}/import-export`,
    `/${organization.slug}/history`,
    `/${organization.slug}/members`,
    `/${organization.slug}/tokens`,
    "/notifications",
    "/notifications/settings",
  ];
  const wide: string[] = [];
  for (const path of screens) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const { beyond, culprits } = await pageOverflow(page);
    if (beyond > 0) {
      wide.push(`${path}: ${beyond} px too wide: ${culprits.join(", ")}`);
      await page.screenshot({ path: testInfo.outputPath(`too-wide-${wide.length}.png`), fullPage: true });
    }
  }
  expect(wide).toEqual([]);

  // The user's name is on the screen, not cut off; the sections are one tap away.
  await page.goto(`/${organization.slug}/history`);
  const name = page.getByRole("banner").getByText(user.name, { exact: true });
  await expect(name).toBeInViewport({ ratio: 1 });
  const menu = page.getByRole("button", { name: /History.*sections menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "API tokens" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "API tokens" })).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("phone-menu.png") });
  await page.getByRole("link", { name: "People" }).click();
  await expect(page).toHaveURL(`/${organization.slug}/people`);
  await expect(page.getByRole("link", { name: "API tokens" })).toBeHidden();
  await captureScreens(page, testInfo, "phone-people");
  await page.goto(`/${organization.slug}`);
  await captureScreens(page, testInfo, "phone-overview");
});
