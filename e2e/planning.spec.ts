import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens, pageOverflow } from "./fixtures/screens";
import { liveHolderOf, openTeam } from "./fixtures/team-page";

test("a vacant PO slot's candidates list the person with spare capacity first, and one click assigns them", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await openTeam(page, organization.slug, "Payments");

  // Kavya Rao leaves Payments' PO slot: she is now the one person with a full day to give.
  const picker = page.getByLabel("Holder of the PO slot");
  await picker.selectOption("");
  await expect.poll(() => liveHolderOf(organization.id, "payments", "po")).toBeNull();

  await page.getByRole("button", { name: "Who could fill this? The PO slot." }).click();
  const dialog = page.getByRole("dialog", { name: "Who could fill the PO slot" });
  const candidates = dialog.getByRole("list", { name: "Candidates" }).getByRole("listitem");
  await expect(candidates.first()).toContainText("Kavya Rao");
  await expect(candidates.first()).toContainText("Good fit");
  await expect(candidates.first()).toContainText("Fits: 0 spare after this slot, on no team yet.");
  // Everyone else would be over their capacity, or a PO in two teams with a PM slot here: they say why.
  await expect(candidates.nth(1)).toContainText("Poor fit");
  await expect(candidates.nth(1)).toContainText("Would be overloaded");
  await captureScreens(page, testInfo, "slot-candidates");

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageOverflow(page)).toEqual({ beyond: 0, culprits: [] });
  await page.screenshot({ path: testInfo.outputPath("slot-candidates-phone.png") });
  await page.setViewportSize({ width: 1280, height: 800 });

  await dialog.getByRole("button", { name: "Assign Kavya Rao" }).click();
  await expect(dialog).toBeHidden();
  await expect(picker).toHaveValue(/.+/);
  await expect(picker.locator("option:checked")).toHaveText("Kavya Rao");
  await expect.poll(() => liveHolderOf(organization.id, "payments", "po")).toBe("Kavya Rao");

  // On a team page, a plan is for that team only.
  await page.getByRole("button", { name: "Suggest a plan" }).click();
  const planDialog = page.getByRole("dialog", { name: "Suggest a plan for Payments" });
  await planDialog.getByRole("radio", { name: "Errors and warnings" }).check();
  await planDialog.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^Compare “Plan: clear \d+ (error or warning|errors and warnings)”$/,
    {
      timeout: 30_000,
    },
  );
  const planned = page.getByRole("region", { name: "What changed" });
  await expect(planned).toContainText("Payments ·");
  for (const other of ["Checkout", "Growth", "Platform", "Search"])
    await expect(planned).not.toContainText(`${other} ·`);

  // The assignment is one journalled holder change, as the picker's.
  await page.goto(`/${organization.slug}/history`);
  await expect(page.getByText("Erin Example made “Kavya Rao” the PO of “Payments”")).toBeVisible();
});

const PAYMENTS_PM_VACANT = "The PM slot in Payments is vacant";

test("a lead asks for a plan, compares the draft it makes, edits one change and publishes it", async ({
  page,
}, testInfo) => {
  test.slow();
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}`);

  // Ask: errors only, holder changes allowed; progress shows while the server solves.
  await page.getByRole("button", { name: "Suggest a plan" }).click();
  const dialog = page.getByRole("dialog", { name: "Suggest a plan" });
  await expect(dialog.getByRole("radio", { name: "Errors", exact: true })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Give slots to other people" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Lower allocations" })).toBeChecked();
  await captureScreens(page, testInfo, "suggest-plan");
  await dialog.getByRole("button", { name: "Suggest" }).click();
  // Progress says where the server is (its stages, the solver's gap), or the plan's outcome once it is there.
  await expect(dialog.getByRole("status")).toContainText(
    /Sending the request…|Writing the program…|Solving \(|Checking the plan|Writing the draft…|changes? clears?/,
  );

  // The draft's compare page: the vacancy is resolved, health goes up.
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Compare “Plan: clear \d+ errors?”$/, { timeout: 30_000 });
  const draftName = (await heading.textContent())!.replace(/^Compare “(.*)”$/, "$1");
  await expect(page.getByRole("region", { name: /^Flags resolved/ })).toContainText(PAYMENTS_PM_VACANT);
  const health = page.getByTestId("compare-health");
  await expect(health).toContainText("becomes");
  const [before, after] = (await health.locator(".tabular-nums").allTextContents()).map(Number);
  expect(after).toBeGreaterThan(before!);
  const changes = page.getByRole("region", { name: "What changed" });
  await expect(changes).toContainText("Payments · PM");
  // Each of the plan's changes beside the flags it resolves: the new PM for Payments clears its vacancy.
  const plan = page.getByRole("region", { name: "The suggested plan" });
  await expect(plan).toContainText(/proven optimal\./);
  const fillPm = plan.getByRole("row").filter({ hasText: /Payments: give the PM slot to/ });
  await expect(fillPm).toHaveCount(1);
  await expect(fillPm.getByRole("cell").nth(1)).toContainText(PAYMENTS_PM_VACANT);
  await captureScreens(page, testInfo, "plan-compare");

  // Edit one change in the draft: another person takes the PM slot.
  await page.goto(`/${organization.slug}/drafts`);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: draftName }) });
  await expect(item).toContainText(
    /changes? clears? \d+ of \d+ errors?(, and raise \d+ lesser flags?)?; proven optimal\./,
  );
  await item.getByRole("link", { name: `Open ${draftName}`, exact: true }).click();
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Payments" }).click();
  const picker = page.getByLabel("Holder of the PM slot");
  await expect(picker).toHaveValue(/.+/);
  const planned = await picker.locator("option:checked").textContent();
  const instead = planned === "Ben Carter" ? "Léo Fischer" : "Ben Carter";
  await picker.selectOption({ label: instead });
  await expect(picker.locator("option:checked")).toHaveText(instead);

  // Publish from the compare page: live gets the edited plan.
  await page
    .getByRole("region", { name: "Draft", exact: true })
    .getByRole("link", { name: "Compare with live" })
    .click();
  await expect(changes).toContainText(instead);
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toContainText(`Published “${draftName}”`);
  await expect.poll(() => liveHolderOf(organization.id, "payments", "pm")).toBe(instead);
});
