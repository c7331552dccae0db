import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens, expectAccessible } from "./fixtures/screens";

function cell(page: Page, dutyKey: string, slotKey: string) {
  return page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);
}

function history(page: Page) {
  return page.getByRole("list", { name: "Changes, newest first" });
}

function groups(page: Page) {
  return history(page).locator(":scope > li");
}

async function openTeam(page: Page, organizationId: string, orgSlug: string, teamKey: string) {
  const team = await db.team.findFirstOrThrow({ where: { organizationId, key: teamKey }, select: { id: true } });
  await page.goto(`/${orgSlug}/teams/${team.id}`);
  await expect(page.getByRole("grid")).toBeVisible();
}

async function openHistory(page: Page, orgSlug: string, query = "") {
  await page.goto(`/${orgSlug}/history${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
}

/**
 * Loads the demo map (teams Checkout, Growth, Payments, Platform, Search) through the API, so that the journal has
 * it as an import by the caller. `headers` authenticate (a token) or pass the origin check (a session).
 */
async function importDemoMap(request: APIRequestContext, orgSlug: string, headers: Record<string, string>) {
  const document: unknown = JSON.parse(readFileSync(path.join(process.cwd(), "prisma", "demo-map.json"), "utf8"));
  const answer = await request.put(`/api/v1/orgs/${orgSlug}/map`, { data: document, headers });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** Sets a cell through the API, with the cell's current version, as any API client would. */
async function setCell(
  request: APIRequestContext,
  orgSlug: string,
  teamKey: string,
  cellAt: { duty: string; slot: string },
  level: string | null,
  headers: Record<string, string> = {},
) {
  const state = await request.get(`/api/v1/orgs/${orgSlug}/state?teamId=${teamKey}`, { headers });
  expect(state.status()).toBe(200);
  const { map } = (await state.json()) as {
    map: {
      teams: { id: string; key: string }[];
      duties: { id: string; key: string }[];
      slots: { id: string; key: string; teamId: string }[];
      assignments: { dutyId: string; slotId: string; version: number }[];
    };
  };
  const team = map.teams.find((item) => item.key === teamKey)!;
  const duty = map.duties.find((item) => item.key === cellAt.duty)!;
  const slot = map.slots.find((item) => item.key === cellAt.slot && item.teamId === team.id)!;
  const version = map.assignments.find((item) => item.dutyId === duty.id && item.slotId === slot.id)?.version ?? 0;
  const answer = await request.put(`/api/v1/orgs/${orgSlug}/teams/${team.id}/assignments`, {
    headers,
    data: { dutyId: duty.id, slotId: slot.id, level, version },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

async function storedLevel(organizationId: string, teamKey: string, dutyKey: string, slotKey: string) {
  const stored = await db.assignment.findFirst({
    where: { organizationId, team: { key: teamKey }, duty: { key: dutyKey }, slot: { key: slotKey } },
    select: { level: true },
  });
  return stored?.level ?? null;
}

test("a manager finds a change in the history, filters it, undoes it, and sees new changes live", async ({
  page,
  playwright,
  baseURL,
}) => {
  // One story from a change to its undo, its refusal and a live update: longer than one screen's test.
  test.setTimeout(120_000);
  const { user, owner, organization } = await createAccount({ role: "MANAGER" });
  const slug = organization.slug;
  const sameOrigin = { origin: baseURL ?? "" };
  await signIn(page, user);
  await importDemoMap(page.request, slug, sameOrigin);

  // A change on the team page.
  await openTeam(page, organization.id, slug, "search");
  await expect(cell(page, "strategy", "pm")).toHaveAccessibleName(/: no level/);
  await cell(page, "strategy", "pm").click();
  await page.getByRole("menuitemradio", { name: "Consulted" }).click();
  await expect(cell(page, "strategy", "pm")).toHaveAccessibleName(/: Consulted/);
  await expect.poll(() => storedLevel(organization.id, "search", "strategy", "pm")).toBe("consulted");

  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "History" }),
  ).toHaveAttribute("aria-current", "page");
  const change = groups(page).first();
  await expect(change).toContainText(user.name);
  await expect(change).toContainText("Product strategy");
  await expect(change).toContainText("Search");
  const sentence = (await change.locator("p").first().textContent())!;
  const changeId = (await change.getAttribute("id"))!;
  // The import that loaded the map is further down, with its changes on demand.
  const imported = groups(page).filter({ hasText: "imported a map" });
  await expect(imported).toHaveCount(1);
  await imported.getByRole("button", { name: /Show the \d+ changes/ }).click();
  await expect(imported.getByRole("listitem").first()).toBeVisible();

  // Filters, kept in the URL.
  await page.getByLabel("Team").selectOption({ label: "Checkout" });
  await expect(page).toHaveURL(/teamId=checkout/);
  await expect(history(page)).not.toContainText(sentence);
  await expect(groups(page).first()).toContainText("imported a map");
  await page.getByLabel("Team").selectOption({ label: "Search" });
  await page.getByLabel("Kind").selectOption("assignment");
  await expect(page).toHaveURL(/teamId=search/);
  await expect(page).toHaveURL(/kind=assignment/);
  await expect(groups(page).first()).toContainText(sentence);
  await page.getByLabel("Kind").selectOption("person");
  await expect(history(page)).not.toContainText(sentence);
  // A shared link opens the same view.
  await openHistory(page, slug, "?teamId=search&kind=assignment");
  await expect(page.getByLabel("Team")).toHaveValue("search");
  await expect(page.getByLabel("Kind")).toHaveValue("assignment");
  await expect(groups(page).first()).toContainText(sentence);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/history$`));

  // Undo: the cell goes back, the undo is at the top, the change is marked.
  const undone = page.locator(`[id="${changeId}"]`);
  await undone.getByRole("button", { name: "Undo" }).click();
  await expect(undone.getByRole("status")).toContainText("Undone.");
  await expect(groups(page).first()).toContainText(`${user.name} undid “${sentence}”`);
  await expect(groups(page).first().getByRole("link", { name: "The change it undid" })).toBeVisible();
  await expect(undone).toContainText(`Undone by ${user.name}`);
  await expect(undone.getByRole("button", { name: "Undo" })).toHaveCount(0);
  expect(await storedLevel(organization.id, "search", "strategy", "pm")).toBeNull();
  await openTeam(page, organization.id, slug, "search");
  await expect(cell(page, "strategy", "pm")).toHaveAccessibleName(/: no level/);

  // A later change to the same cell stands in the way of undoing an earlier one.
  await setCell(page.request, slug, "search", { duty: "vision", slot: "pm" }, "consulted", sameOrigin);
  await setCell(page.request, slug, "search", { duty: "vision", slot: "pm" }, "informed", sameOrigin);
  await openHistory(page, slug);
  const [later, earlier] = [groups(page).nth(0), groups(page).nth(1)];
  await expect(later).toContainText("informed");
  await expect(earlier).toContainText("consulted");
  const laterSentence = (await later.locator("p").first().textContent())!;
  await earlier.getByRole("button", { name: "Undo" }).click();
  const refusal = earlier.getByRole("alert");
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(laterSentence);
  expect(await storedLevel(organization.id, "search", "vision", "pm")).toBe("informed");

  // Someone else's change through the API appears at the top without a reload.
  await expect(page.locator('section[data-live="live"]')).toBeVisible();
  const token = await createApiTokenFor(db, {
    organizationId: organization.id,
    createdById: owner!.id,
    role: "MANAGER",
  });
  const api = await playwright.request.newContext({ baseURL });
  try {
    await setCell(api, slug, "payments", { duty: "roadmap", slot: "pm" }, "responsible", {
      authorization: `Bearer ${token.secret}`,
    });
  } finally {
    await api.dispose();
  }
  await expect(groups(page).first()).toContainText('API token "Test token" made the PM responsible');
  await expect(groups(page).first()).toContainText("Payments");
  await expect(page.getByLabel("Made by")).toContainText('API token "Test token"');

  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/history.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/history-dark.png", fullPage: true });
});

test("a viewer reads the history but has no Undo", async ({ page, playwright, baseURL }) => {
  const { user, owner, organization } = await createAccount({ role: "VIEWER" });
  const token = await createApiTokenFor(db, { organizationId: organization.id, createdById: owner!.id, role: "OWNER" });
  const api = await playwright.request.newContext({ baseURL });
  try {
    await importDemoMap(api, organization.slug, { authorization: `Bearer ${token.secret}` });
  } finally {
    await api.dispose();
  }
  await signIn(page, user);
  await openHistory(page, organization.slug);
  await expect(groups(page).filter({ hasText: "imported a map" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
});

test("an action of many changes reads as one sentence with its count, shows its first 50, and undoes whole", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { user, owner, organization } = await createAccount({ role: "MANAGER" });
  const slug = organization.slug;
  const token = await createApiTokenFor(db, { organizationId: organization.id, createdById: owner!.id, role: "OWNER" });
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token.secret}` },
  });
  try {
    await importDemoMap(api, slug, {});
    const imported = await db.journalEntry.findFirstOrThrow({
      where: { organizationId: organization.id, action: "map.import" },
      select: { groupId: true },
    });
    const changes = await db.journalEntry.count({
      where: { organizationId: organization.id, groupId: imported.groupId },
    });
    // More than a group shows: History reads the ones it shows, and counts the rest.
    expect(changes).toBeGreaterThan(50);
    const page1 = await api.get(`/api/v1/orgs/${slug}/journal`);
    expect(page1.status(), await page1.text()).toBe(200);
    const [group] = (
      (await page1.json()) as {
        groups: { groupId: string; sentence: string; entryCount: number; entries: unknown[] }[];
      }
    ).groups;
    const sentence = `API token "Test token" imported a map: ${changes.toLocaleString("en")} changes`;
    expect(group).toMatchObject({ groupId: imported.groupId, sentence, entryCount: changes });
    expect(group!.entries).toHaveLength(50);

    const undo = await api.post(`/api/v1/orgs/${slug}/journal/${imported.groupId}/undo`);
    expect(undo.status(), await undo.text()).toBe(200);
    expect(await db.assignment.count({ where: { organizationId: organization.id } })).toBe(0);
    // The undo names the import in its own words, its count included.
    await signIn(page, user);
    await openHistory(page, slug);
    await expect(groups(page).first()).toContainText(`API token "Test token" undid “${sentence}”`);
    await expect(groups(page).nth(1)).toContainText(sentence);
    await expect(groups(page).nth(1)).toContainText("Undone by");
  } finally {
    await api.dispose();
  }
});

test("the person filter finds people on the server as a name is typed, and a link names its person", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", generatedTeams: 30 });
  const slug = organization.slug;
  const people = await db.person.findMany({
    where: { organizationId: organization.id },
    select: { key: true, name: true },
  });
  const namesakes = (name: string) => people.filter((person) => person.name === name).length;
  const someone = people.filter((person) => namesakes(person.name) === 1).at(-1)!;
  await signIn(page, user);
  await openHistory(page, slug);
  // The page does not carry everyone to choose from: the field asks the server.
  const field = page.getByRole("combobox", { name: "Person" });
  await expect(field).toHaveValue("");
  const document = await (await page.request.get(`/${slug}/history`)).text();
  expect(people.filter((person) => document.includes(`"${person.key}"`)).length).toBeLessThan(5);

  await field.fill(someone.name.slice(0, -2).toUpperCase());
  const choices = page.getByRole("listbox", { name: "People found" });
  await expect(choices.getByRole("option").first()).toBeVisible();
  await expect(field).toHaveAttribute("aria-expanded", "true");
  await captureScreens(page, testInfo, "history-person-filter");
  await choices.getByRole("option", { name: someone.name }).click();
  await expect(page).toHaveURL(new RegExp(`personId=${someone.key}$`));
  await expect(field).toHaveValue(someone.name);
  await expect(choices).toBeHidden();
  await expect(groups(page).first()).toBeVisible();

  // The keyboard chooses too; Escape puts back what was chosen.
  await field.fill("");
  await field.pressSequentially(someone.name.slice(0, 5).toLowerCase());
  await expect(choices.getByRole("option").first()).toBeVisible();
  await field.press("Escape");
  await expect(field).toHaveValue(someone.name);
  await field.fill("");
  await field.fill(someone.name);
  await expect(choices.getByRole("option", { name: someone.name })).toBeVisible();
  await field.press("ArrowDown");
  await field.press("ArrowUp");
  await field.press("Enter");
  await expect(field).toHaveValue(someone.name);
  await expect(page).toHaveURL(new RegExp(`personId=${someone.key}$`));

  // A link names its person; emptying the field filters nobody out.
  await openHistory(page, slug, `?personId=${someone.key}`);
  await expect(field).toHaveValue(someone.name);
  await field.fill("");
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${slug}/history$`));
  await field.fill("zzqx nobody");
  await expect(page.getByRole("status").filter({ hasText: "Nobody's name or email holds that." })).toBeVisible();
  await openHistory(page, slug, "?personId=gone-person");
  await expect(field).toHaveValue("A person no longer on the map");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(field).toHaveValue("");
});
