// Issue 21: the Rules page. A manager turns on the rules the PO/PM guide recommends, sees their effect on the map
// before saving, saves, and the flags everywhere follow; a wrong parameter is refused beside its rule; a viewer reads.
import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { captureScreens } from "./fixtures/screens";

test("a manager previews the recommended rules and saves them; a wrong parameter is refused beside its rule", async ({
  page,
}, testInfo) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/rules`);
  await expect(page.getByRole("heading", { name: "Rules", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();
  await captureScreens(page, testInfo, "rules");

  await page.getByRole("button", { name: "Turn on the recommended rules" }).click();
  const lean = page.getByRole("group", { name: /^Lean mismatch/ });
  await expect(lean.getByLabel("Severity")).toHaveValue("info");
  const effect = page.getByTestId("rules-effect");
  await expect(effect).toContainText(/Saving adds \d+ flags? in \d+ teams?/);
  await expect(effect).toContainText(/health \d+ → \d+/);
  await captureScreens(page, testInfo, "rules-preview");

  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText(/Rules saved \(2 changed\)/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toBeDisabled();
  const stored = await page.request.get(`/api/v1/orgs/${organization.slug}/rules`);
  const { rules } = (await stored.json()) as { rules: { id: string; severity: string }[] };
  expect(rules.filter((rule) => rule.id === "lean_mismatch" || rule.id === "po_spread")).toEqual([
    expect.objectContaining({ id: "lean_mismatch", severity: "info" }),
    expect.objectContaining({ id: "po_spread", severity: "warning" }),
  ]);
  await page.reload();
  await expect(lean.getByLabel("Severity")).toHaveValue("info");
  await expect(page.getByRole("button", { name: "Turn on the recommended rules" })).toHaveCount(0);

  // A wrong parameter: refused with the reason beside its rule, and nothing is saved.
  const shared = page.getByRole("group", { name: /^Shared ownership/ });
  await shared.getByRole("spinbutton").fill("0");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(shared.getByRole("alert")).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/orgs/${organization.slug}/rules`)).json()) as {
    rules: { id: string; params: Record<string, unknown> }[];
  };
  expect(after.rules.find((rule) => rule.id === "shared_ownership")?.params).toEqual({ max: 1 });
});

test("a viewer reads the rules and cannot change them", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "VIEWER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/rules`);
  await expect(page.getByText(/ask an Owner for the Manager role/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save rules" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Unowned duty/ }).getByLabel("Severity")).toBeDisabled();
  await captureScreens(page, testInfo, "rules-viewer");
});
