import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";

// Text that would run script if a page put it into the DOM as HTML rather than as text.
const SCRIPT = "<script>window.__xss=1</script>";
const ATTRIBUTE = '"><img src=x onerror="window.__xss=1">';

const NAMES = {
  team: `Team ${SCRIPT} ${ATTRIBUTE}`,
  person: `Person ${SCRIPT} ${ATTRIBUTE}`,
  duty: `Duty ${SCRIPT} ${ATTRIBUTE}`,
  role: `Role ${ATTRIBUTE}`,
  title: `Title ${SCRIPT} ${ATTRIBUTE}`,
};

async function send(request: APIRequestContext, method: "post" | "put", url: string, secret: string, data: object) {
  const answer = await request[method](url, { headers: { authorization: `Bearer ${secret}` }, data });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
  return (await answer.json()) as Record<string, { id: string }>;
}

/** The page shows `text` literally, ran none of it, opened no dialog and made no element from it. */
async function expectInert(page: Page, text: string, dialogs: string[]) {
  await expect(page.getByText(text).filter({ visible: true }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("script", { hasText: "__xss" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

test("names that look like HTML are shown as text on every page, and never run", async ({ page }, testInfo) => {
  const { user, organization } = await createAccount({ role: "OWNER" });
  const token = await createApiTokenFor(db, { organizationId: organization.id, createdById: user.id, role: "MANAGER" });
  const api = `/api/v1/orgs/${organization.slug}`;
  const { team } = await send(page.request, "post", `${api}/teams`, token.secret, { name: NAMES.team });
  const { person } = await send(page.request, "post", `${api}/people`, token.secret, { name: NAMES.person });
  const { duty } = await send(page.request, "post", `${api}/duties`, token.secret, { name: NAMES.duty });
  const { slot } = await send(page.request, "post", `${api}/teams/${team!.id}/slots`, token.secret, {
    role: NAMES.role,
    title: NAMES.title,
    holderId: person!.id,
  });
  await send(page.request, "put", `${api}/teams/${team!.id}/assignments`, token.secret, {
    dutyId: duty!.id,
    slotId: slot!.id,
    level: "accountable",
  });

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, user);

  await page.goto(`/${organization.slug}/teams/${team!.id}`);
  await expect(page.getByRole("grid")).toBeVisible();
  for (const text of [NAMES.team, NAMES.duty, NAMES.title]) await expectInert(page, text, dialogs);
  // The holder is the chosen option of the slot's holder menu.
  await expect(page.locator("option:checked", { hasText: "Person <script>" }).first()).toHaveText(NAMES.person);
  await page.screenshot({ path: testInfo.outputPath("escaped-team.png"), fullPage: true });

  await page.goto(`/${organization.slug}`);
  await expectInert(page, NAMES.team, dialogs);

  await page.goto(`/${organization.slug}/people`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  await expectInert(page, NAMES.person, dialogs);
  await expectInert(page, NAMES.team, dialogs);

  await page.goto(`/${organization.slug}/duties`);
  await expectInert(page, NAMES.duty, dialogs);

  await page.goto(`/${organization.slug}/history`);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expectInert(page, NAMES.duty, dialogs);
  await expectInert(page, NAMES.team, dialogs);
});
