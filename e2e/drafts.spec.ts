import { expect, test, type Browser, type Locator, type Page, type Request } from "@playwright/test";
import { db } from "@/lib/db";
import { createDraft } from "@/lib/server/drafts/drafts";
import { createAccount, signIn } from "./fixtures/accounts";
import { expectAccessible } from "./fixtures/screens";
import { liveHolderOf, openTeam } from "./fixtures/team-page";

const PAYMENTS_PM_VACANT = "The PM slot in Payments is vacant";

async function signedIn(browser: Browser, user: { email: string; password: string }) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

/**
 * Whether a request is the router's prefetch of the page at `path`: of its route tree (organisation pages have no
 * loading boundary, so Next.js prefetches no more of them), or of the page down to a loading boundary; not of its
 * head alone.
 */
function isPagePrefetch(request: Request, path: string) {
  const headers = request.headers();
  const tree = decodeURIComponent(headers["next-router-state-tree"] ?? "");
  return (
    new URL(request.url()).pathname === path &&
    headers["next-router-prefetch"] !== undefined &&
    (tree !== "" || headers["next-router-segment-prefetch"] !== undefined) &&
    !tree.includes("metadata-only")
  );
}

/**
 * Prepares a click on `link` (to `path`) that lands while the page's prefetches of `path` are in flight, as on a busy
 * machine: they are held until the page navigates there. The click waits until the page has prefetched `laterPath`, a
 * link of the nav, which comes after the draft banner's links and so is prefetched after them.
 */
async function clickWhilePrefetching(page: Page, link: Locator, path: string, laterPath: string) {
  let navigated!: () => void;
  const navigation = new Promise<void>((resolve) => (navigated = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const request = route.request();
      if (isPagePrefetch(request, path)) await navigation;
      else if (request.headers()["rsc"] !== undefined && request.headers()["next-router-prefetch"] === undefined) {
        navigated();
      }
      await route.continue();
    },
  );
  const laterPrefetched = page.waitForRequest((request) => isPagePrefetch(request, laterPath));
  return async () => {
    await laterPrefetched;
    await link.click();
  };
}

test("a manager plans in a draft, compares it with live, and publishes it to everyone watching", async ({
  browser,
}) => {
  // Two signed-in browsers, a copy of the map and a publish: more than the default minute on a busy machine.
  test.slow();
  const { user, owner, organization } = await createAccount({ role: "MANAGER", withMap: true });
  const lead = await signedIn(browser, user);
  const watcher = await signedIn(browser, owner!);
  await openTeam(watcher, organization.slug, "Payments");
  await expect(watcher.getByLabel("Holder of the PM slot")).toHaveValue("");

  // The drafts page, from the nav: create a draft.
  await lead.goto(`/${organization.slug}`);
  await lead.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Drafts" }).click();
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText("Drafts");
  await expect(lead.getByRole("heading", { name: "No drafts yet" })).toBeVisible();
  await lead.getByRole("button", { name: "Create draft" }).click();
  await expect(lead.getByLabel("Draft name")).toBeFocused();
  await expect(lead.getByText("Give the draft a name.")).toBeVisible();
  await lead.getByLabel("Draft name").fill("Staff Payments");
  await lead.getByLabel("Description (optional)").fill("Ben moves to Payments as its PM.");
  await lead.getByRole("button", { name: "Create draft" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "Created the draft" })).toContainText('"Staff Payments"');
  const item = lead.getByRole("listitem").filter({ has: lead.getByRole("heading", { name: "Staff Payments" }) });
  await expect(item).toContainText("Ben moves to Payments as its PM.");
  await expect(item).toContainText(`Created by ${user.name}`);
  await expectAccessible(lead);
  await lead.screenshot({ path: "/tmp/drafts-list.png", fullPage: true });

  // In the draft: a banner on every page, and the map works as on live.
  await item.getByRole("link", { name: "Open Staff Payments" }).click();
  const banner = lead.getByRole("region", { name: "Draft", exact: true });
  await expect(banner).toContainText("Draft: Staff Payments");
  await expect(lead.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Members" })).toHaveCount(
    0,
  );
  await expect(lead.getByRole("combobox", { name: "Switch organisation" })).toHaveValue(organization.slug);
  await lead.getByRole("table", { name: "Teams by duty" }).getByRole("link", { name: "Payments" }).click();
  await expect(banner).toContainText("Draft: Staff Payments");
  const flags = lead.getByRole("region", { name: /^Flags/ });
  await expect(flags).toContainText(PAYMENTS_PM_VACANT);
  await lead.getByLabel("Holder of the PM slot").selectOption({ label: "Ben Carter" });
  await expect(flags).not.toContainText(PAYMENTS_PM_VACANT);
  await expectAccessible(lead);
  await lead.screenshot({ path: "/tmp/drafts-draft-page.png", fullPage: true });

  // Live is untouched: in the database and on the screen of whoever watches it.
  // The reload starts the page's prefetches afresh: the click on "Compare with live" below lands while those of the
  // compare page are in flight, as on a busy machine (the tab's title then stayed empty).
  const workspaceSlug = new URL(lead.url()).pathname.split("/")[1]!;
  const compareLink = banner.getByRole("link", { name: "Compare with live" });
  const compare = await clickWhilePrefetching(
    lead,
    compareLink,
    (await compareLink.getAttribute("href"))!,
    `/${workspaceSlug}/duties`,
  );
  await lead.reload();
  await expect(lead.getByLabel("Holder of the PM slot").locator("option:checked")).toHaveText("Ben Carter");
  expect(await liveHolderOf(organization.id, "payments", "pm")).toBeNull();
  await expect(watcher.getByLabel("Holder of the PM slot")).toHaveValue("");

  // Compare: the vacant slot is resolved, the change is listed, health goes up.
  await compare();
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText("Compare “Staff Payments”");
  await expect(lead).toHaveTitle("Compare draft · Remit");
  const resolved = lead.getByRole("region", { name: /^Flags resolved/ });
  await expect(resolved).toContainText(PAYMENTS_PM_VACANT);
  const changes = lead.getByRole("region", { name: "What changed" });
  await expect(changes).toContainText("Payments · PM");
  await expect(changes).toContainText("Ben Carter");
  await expect(lead.getByRole("region", { name: "Teams whose health changes" })).toContainText("Payments");
  const download = lead.waitForEvent("download");
  await lead.getByRole("button", { name: "Download JSON" }).click();
  const saved = JSON.parse(await (await download).createReadStream().then(readAll)) as {
    with: { kind: string };
    flags: { resolved: { message: string }[] };
  };
  expect(saved.with.kind).toBe("live");
  expect(saved.flags.resolved.map((flag) => flag.message).join("\n")).toContain(PAYMENTS_PM_VACANT);
  await expectAccessible(lead);
  await lead.screenshot({ path: "/tmp/drafts-compare.png", fullPage: true });
  await lead.emulateMedia({ colorScheme: "dark" });
  await lead.screenshot({ path: "/tmp/drafts-compare-dark.png", fullPage: true });
  await lead.emulateMedia({ colorScheme: "light" });

  // Publish: live changes, and the watcher's open team page follows without a reload.
  await lead.getByRole("button", { name: "Publish draft" }).click();
  const published = lead.getByRole("status").filter({ hasText: "Published" });
  await expect(published).toContainText("Published “Staff Payments”");
  await expect(watcher.getByLabel("Holder of the PM slot")).toHaveValue(/.+/);
  await expect(watcher.getByLabel("Holder of the PM slot").locator("option:checked")).toHaveText("Ben Carter");
  expect(await liveHolderOf(organization.id, "payments", "pm")).toBe("Ben Carter");

  // The draft stays, read-only, and says so.
  await published.getByRole("link", { name: "Open the live overview" }).click();
  await expect(lead).toHaveURL(new RegExp(`/${organization.slug}$`));
  await lead.goto(`/${organization.slug}/drafts`);
  await expect(item).toContainText("Published");
  await item.getByRole("link", { name: "Open Staff Payments (read-only)" }).click();
  await expect(banner).toContainText("published, read-only");
});

test("live changes meanwhile: publishing lists each conflict and applies the side chosen", async ({ browser }) => {
  test.slow();
  const { user, organization } = await createAccount({ role: "OWNER", withMap: true });
  const page = await signedIn(browser, user);
  const { draft } = await createDraft({
    actor: { kind: "user", userId: user.id, email: user.email, name: user.name },
    orgSlug: organization.slug,
    name: "Payments PM",
  });
  await openTeam(page, draft.slug, "Payments");
  await page.getByLabel("Holder of the PM slot").selectOption({ label: "Ben Carter" });
  await expect(page.getByRole("region", { name: /^Flags/ })).not.toContainText(PAYMENTS_PM_VACANT);
  await openTeam(page, organization.slug, "Payments");
  await page.getByLabel("Holder of the PM slot").selectOption({ label: "Grace Kim" });
  await expect(page.getByRole("region", { name: /^Flags/ })).not.toContainText(PAYMENTS_PM_VACANT);

  await page.goto(`/${organization.slug}/drafts/${draft.id}/compare`);
  await page.getByRole("button", { name: "Publish draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Live changed one thing" })).toBeVisible();
  const conflict = page.getByRole("group", { name: /Payments · PM/ });
  await expect(conflict).toContainText("holder: Grace Kim");
  await expect(conflict).toContainText("holder: Ben Carter");
  await page.getByRole("button", { name: "Publish with these choices" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose live or the draft" })).toBeVisible();
  await conflict.getByRole("radio", { name: /Keep the draft/ }).check();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/drafts-conflicts.png", fullPage: true });
  await page.getByRole("button", { name: "Publish with these choices" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  expect(await liveHolderOf(organization.id, "payments", "pm")).toBe("Ben Carter");
});

test("drafts can be renamed, duplicated and discarded", async ({ page }) => {
  const { user, organization } = await createAccount({ role: "MANAGER", withMap: true });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/drafts`);
  await page.getByLabel("Draft name").fill("Split Checkout");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Split Checkout" })).toBeVisible();

  await page.getByRole("button", { name: "Rename Split Checkout" }).click();
  const rename = page.getByRole("form", { name: "Rename Split Checkout" });
  await expect(rename.getByLabel("Name")).toBeFocused();
  await rename.getByLabel("Name").fill("Split Checkout in two");
  await rename.getByLabel("Description (optional)").fill("Web and mobile");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "Split Checkout in two" })).toBeVisible();
  await expect(page.getByText("Web and mobile")).toBeVisible();

  await page.getByRole("button", { name: "Duplicate Split Checkout in two" }).click();
  const duplicate = page.getByRole("form", { name: "Duplicate Split Checkout in two" });
  await duplicate.getByLabel("Name of the copy").fill("Split Checkout in three");
  await duplicate.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "2 drafts" })).toBeVisible();
  // Newest first.
  await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText("Split Checkout in three");

  await page.getByRole("button", { name: "Discard Split Checkout in three" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard “Split Checkout in three”?" });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Discarded the draft" })).toContainText(
    '"Split Checkout in three"',
  );
  await expect(page.getByRole("heading", { name: "1 draft" })).toBeVisible();
  expect(await db.draft.count({ where: { organizationId: organization.id } })).toBe(1);
});

test("a viewer sees drafts and opens them read-only, without the edit controls", async ({ page }) => {
  const { user, owner, organization } = await createAccount({ role: "VIEWER", withMap: true });
  const { draft } = await createDraft({
    actor: { kind: "user", userId: owner!.id, email: owner!.email, name: owner!.name },
    orgSlug: organization.slug,
    name: "Platform rework",
  });
  await signIn(page, user);
  await page.goto(`/${organization.slug}/drafts`);
  await expect(page.getByRole("heading", { name: "Platform rework" })).toBeVisible();
  await expect(page.getByLabel("Draft name")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Rename|Duplicate|Discard) / })).toHaveCount(0);
  await page.getByRole("link", { name: "Compare Platform rework" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare “Platform rework”");
  await expect(page.getByRole("button", { name: "Publish draft" })).toHaveCount(0);
  await page.goto(`/${organization.slug}/drafts`);
  await page.getByRole("link", { name: "Open Platform rework (read-only)" }).click();
  await expect(page).toHaveURL(new RegExp(`/${draft.slug}$`));
  const banner = page.getByRole("region", { name: "Draft", exact: true });
  await expect(banner).toContainText("Draft: Platform rework");
  await expect(page.getByLabel("New team name")).toHaveCount(0);
  // A draft's page opened from its address leads to the drafts, with their title, even when the click lands while
  // the page is still prefetching them.
  const allDrafts = await clickWhilePrefetching(
    page,
    banner.getByRole("link", { name: "All drafts" }),
    `/${organization.slug}/drafts`,
    `/${draft.slug}/duties`,
  );
  await page.goto(`/${draft.slug}/people`);
  await allDrafts();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drafts");
  await expect(page).toHaveTitle("Drafts · Remit");
  // The drafts page of a workspace leads back to the live organisation's.
  await page.goto(`/${draft.slug}/drafts`);
  await expect(page).toHaveURL(new RegExp(`/${organization.slug}/drafts$`));
});

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
