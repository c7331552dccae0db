import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens, pageOverflow } from "./fixtures/screens";

async function openTeam(page: Page, orgSlug: string, teamName: string) {
  await page.goto(`/${orgSlug}`);
  await page.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: teamName }).click();
  await expect(page.getByRole("grid", { name: `Responsibilities in ${teamName}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

async function holderOf(organizationId: string, teamKey: string, slotKey: string) {
  const slot = await db.slot.findFirstOrThrow({
    where: { organizationId, key: slotKey, team: { key: teamKey } },
    select: { holder: { select: { name: true } } },
  });
  return slot.holder?.name ?? null;
}

test("a vacant PO slot's candidates list the person with spare capacity first, and one click assigns them", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await openTeam(page, organization.slug, "Payments");

  // Kavya Rao leaves Payments' PO slot: she is now the one person with a full day to give.
  const picker = page.getByLabel("Holder of the PO slot");
  await picker.selectOption("");
  await expect.poll(() => holderOf(organization.id, "payments", "po")).toBeNull();

  await page.getByRole("button", { name: "Who could fill the PO slot?" }).click();
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
  await expect.poll(() => holderOf(organization.id, "payments", "po")).toBe("Kavya Rao");

  // The assignment is one journalled holder change, as the picker's.
  await page.goto(`/${organization.slug}/history`);
  await expect(page.getByText("Erin Example made “Kavya Rao” the PO of “Payments”")).toBeVisible();
});
