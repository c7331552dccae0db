// Webhooks and events (issue 23) over HTTP against the production build, with receivers the tests start: every
// delivery is verified with the `standardwebhooks` package; a flag introduced by a cell write arrives signed within
// seconds; a receiver that fails sees the retry, with the same webhook-id, within 10 s; bad input is refused.
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { apiOf } from "./fixtures/scheduling";
import { captureScreens } from "./fixtures/screens";
import { startReceiver, verified, type TReceived } from "./fixtures/webhook-receiver";

type TWebhook = {
  id: string;
  url: string;
  events: string[];
  format: string;
  secret?: string;
  disabledAt: string | null;
};
type TDelivery = { id: string; kind: string; status: string; attempts: number; responseStatus: number | null };
type TStandardBody = {
  id: string;
  type: string;
  timestamp: string;
  data: {
    organization: { id: string; key: string; name: string };
    draft: { id: string; name: string } | null;
    team?: { id: string; key: string; name: string };
    duty?: { id: string; key: string; name: string };
    flag?: { key: string; kind: string; severity: string; message: string };
    sentence: string;
    url: string;
  };
};

const WITHIN_SECONDS = { timeout: 15_000 };

/** An Owner of a new organisation with the demo map, and their API (as their signed-in session). */
async function ownerApi(page: Page, baseURL: string) {
  const { user, organization } = await createAccount({ withMap: true });
  await signIn(page, user);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { slug: organization.slug, orgId: organization.id, api: apiOf(baseURL, { cookie }) };
}

test("registering an endpoint: bad input is refused, the secret is shown once, deleting it ends its log", async ({
  page,
  baseURL,
}) => {
  const { slug, api } = await ownerApi(page, baseURL!);
  const bad = [
    {},
    { url: "ftp://example.com/hook", events: ["flag.introduced"] },
    { url: "https://example.com/hook", events: [] },
    { url: "https://example.com/hook", events: ["flag.exploded"] },
    { url: "https://example.com/hook", events: ["flag.introduced"], format: "xml" },
    { url: "https://user:pw@example.com/hook", events: ["flag.introduced"] },
    { url: "https://no-such-host.invalid/hook", events: ["flag.introduced"] },
  ];
  for (const body of bad) {
    const answer = await api<{ error: { code: string } }>("POST", `/orgs/${slug}/webhooks`, body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.body.error.code).toBe("invalid_input");
  }
  expect((await api<{ webhooks: TWebhook[] }>("GET", `/orgs/${slug}/webhooks`)).body.webhooks).toEqual([]);

  const made = await api<{ webhook: TWebhook }>("POST", `/orgs/${slug}/webhooks`, {
    url: "http://127.0.0.1:9/hook",
    events: ["flag.introduced", "flag.resolved"],
  });
  expect(made.status).toBe(201);
  expect(made.body.webhook).toMatchObject({ format: "standard", events: ["flag.introduced", "flag.resolved"] });
  expect(made.body.webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  const listed = await api<{ webhooks: TWebhook[] }>("GET", `/orgs/${slug}/webhooks`);
  expect(listed.body.webhooks.map((webhook) => webhook.id)).toEqual([made.body.webhook.id]);
  expect(JSON.stringify(listed.body)).not.toContain(made.body.webhook.secret!);

  expect((await api("DELETE", `/orgs/${slug}/webhooks/${made.body.webhook.id}`)).status).toBe(204);
  expect((await api("DELETE", `/orgs/${slug}/webhooks/${made.body.webhook.id}`)).status).toBe(404);
  expect((await api("GET", `/orgs/${slug}/webhooks/${made.body.webhook.id}/deliveries`)).status).toBe(404);
});

test("a cell write that introduces a flag reaches the webhook within seconds, signed; resolving it too", async ({
  page,
  baseURL,
}) => {
  const receiver = await startReceiver();
  try {
    const { slug, orgId, api } = await ownerApi(page, baseURL!);
    const made = await api<{ webhook: TWebhook }>("POST", `/orgs/${slug}/webhooks`, {
      url: receiver.url,
      events: ["flag.introduced", "flag.resolved", "draft.published"],
    });
    expect(made.status).toBe(201);
    const secret = made.body.webhook.secret!;

    // Checkout's vision has the PO accountable; the PM too makes it shared ownership.
    const cell = { dutyId: "vision", slotId: "pm" };
    const wrote = await api("PUT", `/orgs/${slug}/teams/checkout/assignments`, { ...cell, level: "accountable" });
    expect(wrote.status).toBe(200);
    const ofType = (type: string) =>
      receiver.received.map((request) => verified<TStandardBody>(secret, request)).filter((body) => body.type === type);
    await expect.poll(() => ofType("flag.introduced").length, WITHIN_SECONDS).toBeGreaterThan(0);
    const [introduced] = ofType("flag.introduced");
    expect(introduced!.data).toMatchObject({
      organization: { id: orgId, key: slug },
      draft: null,
      team: { key: "checkout", name: "Checkout" },
      duty: { key: "vision" },
      flag: { key: "shared_ownership:checkout:vision", kind: "shared_ownership", severity: "error" },
    });
    expect(introduced!.data.url).toMatch(new RegExp(`/${slug}/teams/${introduced!.data.team!.id}$`));
    expect(ofType("flag.introduced")).toHaveLength(1);

    expect((await api("PUT", `/orgs/${slug}/teams/checkout/assignments`, { ...cell, level: null })).status).toBe(200);
    await expect
      .poll(() => ofType("flag.resolved").map((body) => body.data.flag?.key), WITHIN_SECONDS)
      .toEqual(["shared_ownership:checkout:vision"]);

    // In a draft: the same flag, marked as the draft's; publishing it, draft.published.
    const draft = await api<{ draft: { id: string; slug: string; name: string } }>("POST", `/orgs/${slug}/drafts`, {
      name: "Shared vision",
    });
    expect(draft.status).toBe(201);
    const inDraft = await api("PUT", `/orgs/${draft.body.draft.slug}/teams/checkout/assignments`, {
      ...cell,
      level: "accountable",
    });
    expect(inDraft.status).toBe(200);
    await expect.poll(() => ofType("flag.introduced").length, WITHIN_SECONDS).toBe(2);
    expect(ofType("flag.introduced")[1]!.data).toMatchObject({
      organization: { id: orgId, key: slug },
      draft: { id: draft.body.draft.id, name: "Shared vision" },
      flag: { key: "shared_ownership:checkout:vision" },
    });
    expect(ofType("flag.introduced")[1]!.data.url).toContain(`/${draft.body.draft.slug}/teams/`);
    expect((await api("POST", `/orgs/${slug}/drafts/${draft.body.draft.id}/publish`, {})).status).toBe(200);
    await expect.poll(() => ofType("draft.published").length, WITHIN_SECONDS).toBe(1);
    expect(ofType("draft.published")[0]!.data).toMatchObject({ draft: { id: draft.body.draft.id } });
    // The publish brought the flag to live.
    await expect.poll(() => ofType("flag.introduced").length, WITHIN_SECONDS).toBe(3);
    expect(ofType("flag.introduced")[2]!.data.draft).toBeNull();

    // Every delivery had an id of its own, and the log lists them as delivered.
    const ids = receiver.received.map((request) => request.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(ids.length);
    const log = await api<{ deliveries: TDelivery[] }>(
      "GET",
      `/orgs/${slug}/webhooks/${made.body.webhook.id}/deliveries`,
    );
    expect(log.body.deliveries.map((delivery) => delivery.status)).toEqual(ids.map(() => "succeeded"));
  } finally {
    await receiver.close();
  }
});

test("a receiver that fails gets the retry, with the same webhook-id and a valid signature, within 10 s", async ({
  page,
  baseURL,
}) => {
  const receiver = await startReceiver({ failFirst: 1 });
  try {
    const { slug, api } = await ownerApi(page, baseURL!);
    const made = await api<{ webhook: TWebhook }>("POST", `/orgs/${slug}/webhooks`, {
      url: receiver.url,
      events: ["draft.published"],
      format: "slack",
    });
    const { id, secret } = made.body.webhook;
    const sent = await api<{ delivery: TDelivery }>("POST", `/orgs/${slug}/webhooks/${id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body.delivery).toMatchObject({ kind: "webhook.test", status: "pending", attempts: 0 });

    await expect.poll(() => receiver.received.length, WITHIN_SECONDS).toBe(2);
    const [first, retry] = receiver.received as [TReceived, TReceived];
    expect(first.status).toBe(500);
    expect(retry.status).toBe(204);
    expect(retry.headers["webhook-id"]).toBe(sent.body.delivery.id);
    expect(first.headers["webhook-id"]).toBe(sent.body.delivery.id);
    expect(retry.at - first.at).toBeLessThan(10_000);
    for (const request of receiver.received) {
      expect(verified<{ text: string }>(secret!, request).text).toMatch(
        /^A test event from Remit, sent by .+ <http.+\|Open in Remit>$/,
      );
    }
    await expect
      .poll(
        async () =>
          (await api<{ deliveries: TDelivery[] }>("GET", `/orgs/${slug}/webhooks/${id}/deliveries`)).body.deliveries,
      )
      .toEqual([
        expect.objectContaining({ id: sent.body.delivery.id, status: "succeeded", attempts: 2, responseStatus: 204 }),
      ]);
  } finally {
    await receiver.close();
  }
});

test("the Webhooks screen: an Owner adds an endpoint (secret shown once), sends a test event, reads the log, deletes it", async ({
  page,
  baseURL,
}, testInfo) => {
  const receiver = await startReceiver();
  try {
    const { slug } = await ownerApi(page, baseURL!);
    await page.goto(`/${slug}`);
    await page.getByRole("navigation").getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("There are no webhooks yet.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("The URL must be an http:// or https:// address.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = page.getByTestId("revealed-value");
    await expect(secret).toHaveText(/^whsec_/);
    const endpoint = page.getByRole("article", { name: receiver.url });
    await expect(endpoint).toContainText("flag.introduced, flag.resolved, draft.published");
    await expect(endpoint).toContainText("Nothing sent yet.");

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText("Test event sent.")).toBeVisible();
    await expect.poll(() => receiver.received.length, WITHIN_SECONDS).toBe(1);
    verified(String(await secret.textContent()), receiver.received[0]!);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole("article", { name: receiver.url }).getByRole("row").nth(1).textContent();
      }, WITHIN_SECONDS)
      .toMatch(/webhook\.testDelivered1204/);
    // Shown once: after a reload, the secret is nowhere on the page.
    await expect(page.getByTestId("revealed-value")).toHaveCount(0);
    await captureScreens(page, testInfo, "webhooks");
    await page.screenshot({ path: "/tmp/webhooks-screen.png", fullPage: true });

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("article", { name: receiver.url }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText("There are no webhooks yet.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
