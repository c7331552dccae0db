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

/**
 * Script elements and event-handler attributes that the names made. Next.js's own scripts carry the names as escaped
 * JSON text, so a script counts only when its text is the payload itself.
 */
function injectedNodes(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter(
        (element) =>
          (element instanceof HTMLScriptElement && element.text.trim() === "window.__xss=1") ||
          [...element.attributes].some(
            (attribute) => attribute.name.startsWith("on") && attribute.value.includes("__xss"),
          ),
      )
      .map((element) => element.outerHTML),
  );
}

/**
 * What script the page tried to run: dialogs it opened, errors it threw, and inline script the Content Security
 * Policy refused (the policy stops injected script from running, so a refusal is the sign that some was injected).
 */
function watchScripts(page: Page) {
  const ran: string[] = [];
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => ran.push(`error: ${error.message}`));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) ran.push(`refused: ${message.text()}`);
  });
  return ran;
}

/** The page shows `text` literally, made no element from it and ran none of it. */
async function expectInert(page: Page, text: string, ran: string[]) {
  // Soft, so that a page that shows markup reports everything it did with it.
  await expect.soft(page.getByText(text).filter({ visible: true }).first()).toBeVisible();
  expect.soft(await injectedNodes(page), "elements made from the text").toEqual([]);
  expect.soft(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect.soft(ran, "script that ran or was refused").toEqual([]);
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

  const ran = watchScripts(page);
  await signIn(page, user);

  await page.goto(`/${organization.slug}/teams/${team!.id}`);
  await expect(page.getByRole("grid")).toBeVisible();
  for (const text of [NAMES.team, NAMES.duty, NAMES.title]) await expectInert(page, text, ran);
  // The holder is the chosen option of the slot's holder menu.
  await expect(page.locator("option:checked", { hasText: "Person <script>" }).first()).toHaveText(NAMES.person);
  await page.screenshot({ path: testInfo.outputPath("escaped-team.png"), fullPage: true });

  await page.goto(`/${organization.slug}`);
  await expectInert(page, NAMES.team, ran);

  await page.goto(`/${organization.slug}/people`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  await expectInert(page, NAMES.person, ran);
  await expectInert(page, NAMES.team, ran);

  await page.goto(`/${organization.slug}/duties`);
  await expectInert(page, NAMES.duty, ran);

  await page.goto(`/${organization.slug}/history`);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expectInert(page, NAMES.duty, ran);
  await expectInert(page, NAMES.team, ran);
});
