// Issue 23, the comment screens: markers on the team matrix, the thread panel of a cell, a team and a draft, live
// updates to another member's open page, mentions offered as one types, links made clickable and nothing else,
// Viewers told when their comments are turned off. In Chromium against the production server.
import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";
import { callApi } from "./fixtures/api-calls";
import { randomAddress, signInWithPassword } from "./fixtures/contract";
import { captureScreens, expectAccessible, pageOverflow } from "./fixtures/screens";

function cell(page: Page, dutyKey: string, slotKey: string) {
  return page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);
}

async function openPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("grid")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

/** An editor's way to a cell's comments: the cell's menu. */
async function openCellComments(page: Page, dutyKey: string, slotKey: string) {
  await cell(page, dutyKey, slotKey).click();
  await page.getByRole("menuitem", { name: /^Comments/ }).click();
  return page.getByRole("dialog");
}

test("a cell's thread: a mention and a link, seen live by another member; reply, edit, resolve and reopen", async ({
  browser,
}, testInfo) => {
  const { user: erin, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const erinPage = await (await browser.newContext()).newPage();
  const owenPage = await (await browser.newContext()).newPage();
  await signIn(erinPage, erin);
  await signIn(owenPage, owner!);
  const teamPath = `/${organization.slug}/teams/search`;
  await openPage(erinPage, teamPath);
  await openPage(owenPage, teamPath);
  await expect(owenPage.getByRole("button", { name: /Comments\s*:\s*0 open comment threads/ })).toBeVisible();

  // Erin writes a thread on a cell, choosing Owen from the members offered after "@".
  const panel = await openCellComments(erinPage, "vision", "po");
  await expect(panel.getByRole("heading", { name: "Comments on Product vision, PO in Search" })).toBeVisible();
  const box = panel.getByLabel("New thread");
  await box.pressSequentially("Who decides this? @Owe");
  await expect(panel.getByRole("listbox", { name: "Members to mention" })).toContainText("Owen Owner");
  await box.press("Enter");
  await expect(box).toHaveValue("Who decides this? @Owen Owner ");
  await box.pressSequentially("see https://example.com/spec?x=1.");
  await panel.getByRole("button", { name: "Start thread" }).click();
  const thread = panel.getByRole("article", { name: /^Thread by Erin Example/ });
  await expect(thread).toContainText("Who decides this? @Owen Owner see https://example.com/spec?x=1.");
  const link = thread.getByRole("link", { name: "https://example.com/spec?x=1" });
  await expect(link).toHaveAttribute("href", "https://example.com/spec?x=1");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  const stored = await db.comment.findFirstOrThrow({ where: { organizationId: organization.id } });
  expect(stored.mentionedIds).toEqual([owner!.id]);
  await captureScreens(erinPage, testInfo, "cell-thread");

  // Owen's open page: the cell is marked and the team counts it, without a reload; the marker opens the thread.
  await expect(cell(owenPage, "vision", "po")).toHaveAccessibleName(/\. 1 open comment thread$/);
  await expect(
    owenPage.getByRole("button", { name: /Comments\s*:\s*1 open comment thread on this team/ }),
  ).toBeVisible();
  await owenPage.getByRole("button", { name: "1 open comment thread on Product vision, PO" }).click();
  const owenPanel = owenPage.getByRole("dialog");
  await expect(owenPanel.getByRole("article")).toContainText("Who decides this?");
  // Not his: no edit or delete; Owen is an Owner, so he may resolve.
  await expect(owenPanel.getByRole("button", { name: "Edit your comment" })).toHaveCount(0);
  await owenPanel.getByRole("button", { name: "Reply" }).click();
  await owenPanel.getByLabel("Reply").fill("I do, for now.");
  await owenPanel.getByRole("button", { name: "Reply" }).click();
  await expect(thread).toContainText("I do, for now.");

  // Erin edits her comment: "(edited)" for both.
  await thread.getByRole("button", { name: "Edit your comment" }).click();
  await thread.getByLabel("Edit your comment").fill("Who decides this, really?");
  await thread.getByRole("button", { name: "Save" }).click();
  await expect(thread).toContainText("(edited)");
  await expect(owenPanel.getByRole("article")).toContainText("Who decides this, really?");
  await expect(owenPanel.getByRole("article")).toContainText("(edited)");

  // Erin started the thread, so she may resolve it: the marker goes from Owen's page; the thread folds away.
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(owenPanel.getByText("No open threads.")).toBeVisible();
  await owenPanel.getByRole("button", { name: "Close" }).click();
  await expect(cell(owenPage, "vision", "po")).not.toHaveAccessibleName(/open comment/);
  await expect(owenPage.locator("[data-comment-marker]")).toHaveCount(0);
  await expect(owenPage.getByRole("button", { name: /Comments\s*:\s*0 open comment threads/ })).toBeVisible();
  await panel.getByText("Resolved threads (1)").click();
  await expect(panel.getByText(`Resolved by ${erin.name}`)).toBeVisible();

  // Reopened: marked again.
  await panel.getByRole("button", { name: "Reopen" }).click();
  await expect(cell(owenPage, "vision", "po")).toHaveAccessibleName(/\. 1 open comment thread$/);

  // The team's panel lists the cell's thread, labelled, and starts threads on the team.
  await owenPage.getByRole("button", { name: /Comments\s*:\s*1 open comment thread/ }).click();
  await expect(owenPanel.getByRole("article", { name: /On Product vision, PO/ })).toBeVisible();
  await owenPanel.getByLabel("New thread").fill("Search needs a second PM.");
  await owenPanel.getByRole("button", { name: "Start thread" }).click();
  await expect(owenPanel.getByRole("article", { name: /On the team/ })).toContainText("Search needs a second PM.");
  await expect(erinPage.getByRole("button", { name: /Comments\s*:\s*2 open comment threads/ })).toBeVisible();
});

test("a Viewer reads threads; with Viewers' comments turned off there is no composer, and the panel fits a phone", async ({
  page,
  baseURL,
}, testInfo) => {
  const { user: viewer, owner, organization } = await createAccount({ role: "VIEWER", withMap: true });
  const team = await db.team.findFirstOrThrow({
    where: { organizationId: organization.id, key: "search" },
    select: { id: true, slots: { where: { key: "po" }, select: { id: true } } },
  });
  const duty = await db.duty.findFirstOrThrow({ where: { organizationId: organization.id, key: "vision" } });
  const cookie = await signInWithPassword(baseURL!, {
    email: owner!.email,
    password: owner!.password,
    address: randomAddress(),
  });
  const api = (method: string, path: string, body?: unknown) =>
    callApi(`${baseURL}/api/v1/orgs/${organization.slug}${path}`, {
      label: path,
      method,
      cookie,
      body,
    });
  expect(
    (
      await api("POST", "/comments", {
        target: { kind: "cell", teamId: team.id, dutyId: duty.id, slotId: team.slots[0]!.id },
        body: "Is the PO really accountable for the vision?",
      })
    ).status,
  ).toBe(201);

  await signIn(page, viewer);
  await openPage(page, `/${organization.slug}/teams/search`);
  // Allowed (the default): the cell opens its comments, with a composer.
  await cell(page, "vision", "po").click();
  const panel = page.getByRole("dialog");
  await expect(panel.getByRole("article")).toContainText("Is the PO really accountable");
  await expect(panel.getByLabel("New thread")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await panel.getByRole("button", { name: "Close" }).click();

  expect((await api("PATCH", "/settings", { viewersMayComment: false })).status).toBe(200);
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page, `/${organization.slug}/teams/search`);
  await cell(page, "vision", "po").focus();
  await cell(page, "vision", "po").press("Enter");
  await expect(panel.getByText("Comments by Viewers are turned off in this organisation")).toBeVisible();
  await expect(panel.getByRole("article")).toContainText("Is the PO really accountable");
  await expect(panel.getByLabel("New thread")).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Reply" })).toHaveCount(0);
  expect((await pageOverflow(page)).beyond).toBe(0);
  await captureScreens(page, testInfo, "viewer-comments-off-phone");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(cell(page, "vision", "po")).toBeFocused();
});

test("a draft's cells and the draft itself have threads, seen live in the draft and on its comparison", async ({
  browser,
  baseURL,
}, testInfo) => {
  const { user: erin, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const cookie = await signInWithPassword(baseURL!, {
    email: erin.email,
    password: erin.password,
    address: randomAddress(),
  });
  const created = await callApi(`${baseURL!}/api/v1/orgs/${organization.slug}/drafts`, {
    label: "POST /drafts",
    method: "POST",
    cookie,
    body: { name: "Q3 plan" },
  });
  expect(created.status).toBe(201);
  const draft = (created.body as { draft: { id: string; slug: string } }).draft;
  const erinPage = await (await browser.newContext()).newPage();
  const owenPage = await (await browser.newContext()).newPage();
  await signIn(erinPage, erin);
  await signIn(owenPage, owner!);
  const draftTeam = `/${draft.slug}/teams/search`;
  await openPage(erinPage, draftTeam);
  await openPage(owenPage, draftTeam);

  // A thread on a cell inside the draft reaches Owen's page of the draft, live.
  const panel = await openCellComments(erinPage, "vision", "pm");
  await panel.getByLabel("New thread").fill("Should the PM own the vision in Q3?");
  await panel.getByRole("button", { name: "Start thread" }).click();
  await expect(panel.getByRole("article")).toContainText("Should the PM own the vision in Q3?");
  await expect(cell(owenPage, "vision", "pm")).toHaveAccessibleName(/\. 1 open comment thread$/);
  const stored = await db.commentThread.findFirstOrThrow({ where: { organizationId: organization.id } });
  expect(stored).toMatchObject({ kind: "cell", draftId: draft.id });
  // Live has no such thread.
  await panel.getByRole("button", { name: "Close" }).click();

  // A thread on the draft itself, from the banner; Owen's banner counts it live.
  await erinPage.getByRole("button", { name: "Comments on the draft (0 open)" }).click();
  await panel.getByLabel("New thread").fill("Ready for review once Search is settled.");
  await panel.getByRole("button", { name: "Start thread" }).click();
  await expect(panel.getByRole("article")).toContainText("Ready for review once Search is settled.");
  await expect(owenPage.getByRole("button", { name: "Comments on the draft (1 open)" })).toBeVisible();
  await captureScreens(erinPage, testInfo, "draft-thread");

  // The draft's comparison, in live, shows the draft's threads, and hears new ones.
  await owenPage.goto(`/${organization.slug}/drafts/${draft.id}/compare`);
  const section = owenPage.getByRole("region", { name: /Comments on this draft/ });
  await expect(section.getByRole("article")).toContainText("Ready for review once Search is settled.");
  await expect(owenPage.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await erinPage.getByRole("article").getByRole("button", { name: "Reply" }).click();
  await panel.getByLabel("Reply").fill("Settled now.");
  await panel.getByRole("button", { name: "Reply" }).click();
  await expect(section.getByRole("article")).toContainText("Settled now.");
  await expectAccessible(owenPage);
});

test("a comment's markup is shown as text and never runs", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await openPage(page, `/${organization.slug}/teams/search`);
  const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> javascript:alert(1)`;
  const panel = await openCellComments(page, "vision", "po");
  await panel.getByLabel("New thread").fill(hostile);
  await panel.getByRole("button", { name: "Start thread" }).click();
  const thread = panel.getByRole("article");
  await expect(thread).toContainText(hostile);
  await expect(thread.locator("img, script")).toHaveCount(0);
  await expect(thread.getByRole("link")).toHaveCount(0);
  // Shown again after a reload, from the server's answer.
  await openPage(page, `/${organization.slug}/teams/search`);
  await page.getByRole("button", { name: "1 open comment thread on Product vision, PO" }).click();
  await expect(page.getByRole("dialog").getByRole("article")).toContainText(hostile);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
