import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";

function cell(page: Page, dutyKey: string, slotKey: string) {
  return page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);
}

async function openTeam(page: Page, orgSlug: string, teamName: string) {
  await page.goto(`/${orgSlug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: teamName }).click();
  await expect(page.getByRole("grid")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

test("two leads see each other's changes, presence and focus live, and a conflict offers to reapply", async ({
  browser,
}) => {
  const { user, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await signIn(alice, user);
  await signIn(bob, owner!);
  await openTeam(alice, organization.slug, "Search");
  await openTeam(bob, organization.slug, "Search");

  // Presence: each sees the other on this page.
  await expect(alice.getByRole("list", { name: "Also viewing this page" })).toContainText(owner!.name);
  await expect(bob.getByRole("list", { name: "Also viewing this page" })).toContainText(user.name);

  // Alice's change appears for Bob without a reload, with the flags.
  await cell(alice, "market-research", "pm").click();
  await alice.getByRole("menuitemradio", { name: "Accountable" }).click();
  await expect(cell(bob, "market-research", "pm")).toHaveAccessibleName(/: Accountable/);
  await expect(bob.getByRole("region", { name: /^Flags/ })).not.toContainText(
    "Nobody is accountable for Market research",
  );

  // Bob's focused cell is outlined for Alice, with his name.
  await cell(bob, "vision", "pm").focus();
  await expect(alice.locator(`td[data-peer="${owner!.name}"]`)).toBeVisible();

  // A conflict: Bob's view of a cell is stale when he edits it.
  const team = await db.team.findFirstOrThrow({ where: { organizationId: organization.id, key: "search" } });
  await expect(cell(bob, "strategy", "pm")).toHaveAccessibleName(/: no level/);
  await cell(alice, "strategy", "pm").click();
  await alice.getByRole("menuitemradio", { name: "Consulted" }).click();
  await expect(cell(alice, "strategy", "pm")).toHaveAccessibleName(/: Consulted/);
  // Saved and announced: Bob's tab shows it too.
  await expect(cell(bob, "strategy", "pm")).toHaveAccessibleName(/: Consulted/);
  // Bob's tab misses the event (as if it arrived late): his next write carries the old version.
  await bob.route("**/assignments", async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, version: 0 }) });
  });
  await cell(bob, "strategy", "pm").click();
  await bob.getByRole("menuitemradio", { name: "Informed" }).click();
  const conflict = bob.getByRole("alert").filter({ hasText: "changed this a moment ago" });
  await expect(conflict).toContainText(`${user.name} changed this a moment ago: it is now Consulted`);
  await bob.unroute("**/assignments");
  await conflict.getByRole("button", { name: "Reapply mine" }).click();
  await expect(cell(bob, "strategy", "pm")).toHaveAccessibleName(/: Informed/);
  await expect(cell(alice, "strategy", "pm")).toHaveAccessibleName(/: Informed/);
  const stored = await db.assignment.findFirst({
    where: { organizationId: organization.id, teamId: team.id, duty: { key: "strategy" }, slot: { key: "pm" } },
  });
  expect(stored?.level).toBe("informed");

  // Leaving: presence disappears for the other.
  await bob.close();
  await expect(alice.getByRole("list", { name: "Also viewing this page" })).toHaveCount(0, { timeout: 15_000 });
});
