import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";

function cell(page: Page, dutyKey: string, slotKey: string) {
  return page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);
}

test("Ctrl+Z on the team page undoes my last change to the team", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("grid", { name: "Responsibilities in Search" })).toBeVisible();

  // The write takes a while to reach the server; Ctrl+Z pressed before it has must still undo it.
  await page.route("**/assignments", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  const target = cell(page, "market-research", "pm");
  await target.focus();
  await page.keyboard.press("a");
  await expect(target).toHaveAccessibleName(/Market research, PM .*: Accountable/);

  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByText(/Undone: .* made the PM accountable for “Market research” in “Search”/)).toBeVisible();
  await expect(target).not.toHaveAccessibleName(/: Accountable/);
  // The undo is in the journal, and the change it undid says so.
  const undone = await page.evaluate(async (slug) => {
    const answer = await fetch(`/api/v1/orgs/${slug}/journal?limit=2`).then((response) => response.json());
    return answer.groups.map((group: { action: string; undoneBy: unknown }) => [group.action, group.undoneBy !== null]);
  }, organization.slug);
  expect(undone).toEqual([
    ["journal.undo", false],
    ["assignment.set", true],
  ]);
});

test("the time picker shows the team and the overview as they were, read-only, and restores the team", async ({
  page,
}) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);
  // The trend starts today, with today's figures.
  const trend = page.getByRole("region", { name: "Are we getting better?" });
  await expect(trend).toContainText("the history starts today");
  await expect(trend.getByTestId("trend-unowned_duty")).toHaveText(/^\d+$/);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Search" }).click();
  const grid = page.getByRole("grid", { name: "Responsibilities in Search" });
  await expect(grid).toBeVisible();
  const teamUrl = page.url();
  const before = new Date(Date.now() - 1000);
  await page.waitForTimeout(1200);

  const target = cell(page, "market-research", "pm");
  await target.focus();
  await page.keyboard.press("a");
  await expect(target).toHaveAccessibleName(/: Accountable/);

  // The team a moment ago: read-only, without the new level.
  await page.goto(`${teamUrl}?at=${encodeURIComponent(before.toISOString())}`);
  await expect(page.getByRole("region", { name: "Time travel" })).toContainText("You are looking at Search as it was");
  await expect(target).not.toHaveAccessibleName(/: Accountable/);
  await target.focus();
  await page.keyboard.press("a");
  await expect(target).not.toHaveAccessibleName(/: Accountable/);

  // The picker: a moment, then Show.
  await page.getByRole("link", { name: "Back to now" }).click();
  await expect(target).toHaveAccessibleName(/: Accountable/);
  await page.getByRole("button", { name: "Last week" }).click();
  await expect(page.getByRole("region", { name: "Time travel" })).toContainText("Read-only");
  await expect(page.getByText("Search did not exist yet at that moment.")).toBeVisible();

  // The overview then, whose team links stay in the past.
  await page.goto(`/${organization.slug}?at=${encodeURIComponent(before.toISOString())}`);
  await expect(page.getByRole("region", { name: "Time travel" })).toContainText("the organisation as it was");
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?at=/);

  await page.getByRole("button", { name: "Restore this team to this moment" }).click();
  await expect(page).not.toHaveURL(/\?at=/);
  await expect(target).not.toHaveAccessibleName(/: Accountable/);
});
