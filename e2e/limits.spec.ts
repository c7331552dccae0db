// What one request may cost and where the pages' checks reach: a stranger's large body is refused unread, a body
// nested too deep or holding too long a list is refused as it arrives, error answers stay small, the server's memory
// grows by less than the body it was sent (and it keeps answering meanwhile); the proxy's checks and headers cover
// every page path but the static files themselves; a point-in-time page refuses a year the database cannot hold.
import { readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn } from "./fixtures/accounts";
import { startAppServer, type TAppServer } from "./fixtures/servers";
import { MAP_IMPORT_BODY_LIMIT_BYTES } from "@/lib/validation/map";

/** Just under what the map import takes: the largest body that is read at all. */
const BODY_BYTES = MAP_IMPORT_BODY_LIMIT_BYTES - 2_000_000;

/** Kilobytes of one line of /proc/<pid>/status ("VmRSS", "VmHWM"). */
function memoryKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!line) throw new Error(`no ${field} for process ${pid}`);
  return Number(line[1]);
}

/** A PUT of `body` over plain HTTP (the answer may come before the body is all sent); its status and answer. */
function put(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json", "content-length": String(body.byteLength) },
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    // A server that answered without reading the whole body may close the connection while it is still sent.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    request.end(body);
  });
}

/** The session cookie of a signed-in user, for requests sent outside the browser. */
async function sessionCookie(page: Page, user: { email: string; password: string }): Promise<string> {
  await signIn(page, user);
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** How many times a measured request is sent; see measure. */
const TRIES = 3;

/**
 * Sends one large body to a server of this test's own, TRIES times, and measures it: every answer, the /api/health
 * answers meanwhile, and the smallest growth of the peak resident memory during a try over the resident memory
 * before it. The server's own housekeeping (its heap growing in its first busy seconds, a collection that comes late)
 * adds tens of megabytes to one try or another; a cost the body causes would show in every try, so the smallest is
 * what the request costs at most.
 */
async function measure(
  server: TAppServer,
  send: (body: Buffer) => Promise<{ status: number; text: string }>,
  body: Buffer,
) {
  // The same request with a small body first, and the health check that is probed meanwhile: what the server loads
  // for a route the first time it runs is not the cost of this request.
  await send(Buffer.from("[]"));
  await fetch(`${server.url}/api/health`);
  const pid = server.process.pid!;
  const answers: { status: number; text: string }[] = [];
  const growths: number[] = [];
  let slowestHealthMs = 0;
  const healthStatuses = new Set<number>();
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const before = memoryKb(pid, "VmRSS");
    // Resets the peak (VmHWM) to the present resident size (proc(5), clear_refs).
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    let isDone = false;
    const probing = (async () => {
      while (!isDone) {
        const started = Date.now();
        healthStatuses.add((await fetch(`${server.url}/api/health`)).status);
        slowestHealthMs = Math.max(slowestHealthMs, Date.now() - started);
      }
    })();
    answers.push(await send(body).finally(() => (isDone = true)));
    await probing;
    growths.push((memoryKb(pid, "VmHWM") - before) * 1024);
  }
  return {
    answers,
    growthBytes: Math.min(...growths),
    health: { statuses: [...healthStatuses], slowestMs: slowestHealthMs },
  };
}

test.describe("one request's cost", () => {
  let server: TAppServer;
  test.beforeAll(async () => {
    server = await startAppServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a signed-in non-member's 48 MB map is refused unread: 404, memory grows by less than the body, health answers", async ({
    page,
  }) => {
    const { user } = await createAccount();
    const cookie = await sessionCookie(page, user);
    // Millions of numbers: within the depth budget, and parsed they would take hundreds of megabytes.
    const body = Buffer.from(`[${"0,".repeat(BODY_BYTES / 2 - 1)}0]`);
    const url = `${server.url}/api/v1/orgs/no-such-org-${Date.now()}/map`;
    const { answers, growthBytes, health } = await measure(
      server,
      (sent) => put(url, sent, { cookie, origin: server.url }),
      body,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "not_found" } });
    }
    expect(growthBytes).toBeLessThan(BODY_BYTES);
    expect(health.statuses).toEqual([200]);
    expect(health.slowestMs).toBeLessThan(2_000);
  });

  /** A Manager's 48 MB `body` gets a 400 saying `message` before the rest is read; memory and health stay bounded. */
  async function expectRefusedAsItArrives(page: Page, body: Buffer, message: string) {
    const { user, organization } = await createAccount({ role: "MANAGER" });
    const cookie = await sessionCookie(page, user);
    const { answers, growthBytes, health } = await measure(
      server,
      (sent) => put(`${server.url}/api/v1/orgs/${organization.slug}/map`, sent, { cookie, origin: server.url }),
      body,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({
        error: { code: "invalid_input", message: expect.stringContaining(message) },
      });
    }
    expect(growthBytes).toBeLessThan(BODY_BYTES);
    expect(health.statuses).toEqual([200]);
    expect(health.slowestMs).toBeLessThan(2_000);
  }

  test("a member's 48 MB body nested too deep is refused as it arrives, with a message saying why", async ({
    page,
  }) => {
    const body = Buffer.from("[".repeat(BODY_BYTES / 2) + "]".repeat(BODY_BYTES / 2));
    await expectRefusedAsItArrives(page, body, "nests more than");
  });

  test("a member's 48 MB list of millions of small items is refused as it arrives, with a message saying why", async ({
    page,
  }) => {
    const item = "{},";
    const body = Buffer.from(`{"teams":[${item.repeat(Math.floor(BODY_BYTES / item.length) - 1)}{}]}`);
    await expectRefusedAsItArrives(page, body, "A list in the request body has more than");
  });

  test('a member\'s 48 MB of "\\u0000" strings gets a short answer listing a bounded number of problems', async ({
    page,
  }) => {
    const { user, organization } = await createAccount({ role: "MANAGER" });
    const cookie = await sessionCookie(page, user);
    // As many teams as a map may have, each a long string of NUL characters: every one is a problem.
    const teams = 5_000;
    const nul = `"${"\\u0000".repeat(Math.floor(BODY_BYTES / teams / 6) - 1)}"`;
    const body = Buffer.from(`{"teams":[${Array.from({ length: teams }, () => nul).join(",")}]}`);
    expect(body.byteLength).toBeGreaterThan(BODY_BYTES * 0.99);
    // A body that passes the budget is read and parsed whole, so the server's memory is not measured here.
    const { answers, health } = await measure(
      server,
      (sent) => put(`${server.url}/api/v1/orgs/${organization.slug}/map`, sent, { cookie, origin: server.url }),
      body,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      // It was 186 MB.
      expect(answer.text.length).toBeLessThan(100_000);
      const { error } = JSON.parse(answer.text) as { error: { message: string; fields: Record<string, string[]> } };
      expect(error.message).toMatch(/The map has \d+ problems; nothing was imported\. The first 100 are listed/);
      expect(Object.values(error.fields).flat().length).toBeLessThanOrEqual(100);
    }
    expect(health.statuses).toEqual([200]);
    expect(health.slowestMs).toBeLessThan(2_000);
  });
});

test("any API body's field errors are capped, each message and field name bounded", async ({ page, baseURL }) => {
  const { user, organization } = await createAccount();
  await signIn(page, user);
  // Thousands of unknown keys, each with a long name: one problem apiece.
  const fields = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`${"k".repeat(2_000)}${index}`, 1]));
  const response = await page.request.post(`/api/v1/orgs/${organization.slug}/teams`, {
    headers: { origin: new URL(baseURL!).origin },
    data: { name: "x".repeat(10_000), ...fields },
  });
  expect(response.status()).toBe(400);
  const text = await response.text();
  expect(text.length).toBeLessThan(100_000);
  const { error } = JSON.parse(text) as { error: { fields: Record<string, string[]> } };
  const messages = Object.entries(error.fields).flatMap(([field, list]) => list.map((message) => [field, message]));
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(100);
  for (const [field, message] of messages) {
    expect(field!.length).toBeLessThanOrEqual(300);
    expect(message!.length).toBeLessThanOrEqual(300);
  }
});

test("paths that only start like a static file get the page checks: headers, and 403 for a forged action", async ({
  request,
}) => {
  for (const path of ["/_next/staticfoo", "/favicon.icox", "/_next/imagex"]) {
    const page = await request.get(path);
    expect(page.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-/);
    expect(page.headers()["x-frame-options"], path).toBe("DENY");
    const forged = await request.post(path, {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain" },
      data: "[]",
    });
    expect(forged.status(), path).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: "forbidden" } });
  }
  // The static files themselves are still served as they are, without a page's per-request work.
  const script = /\/_next\/static\/[^"]+\.js/.exec(await (await request.get("/sign-in")).text())?.[0];
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["content-security-policy"]).toBeUndefined();
});

test("a point-in-time page refuses a year outside 1970-9999 with 400 and the API's message", async ({ page }) => {
  const { user, organization } = await createAccount({ withMap: true });
  const loaded = new Date().toISOString();
  await signIn(page, user);
  for (const at of ["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+010000-01-01T00:00:00Z"]) {
    const response = await page.request.get(`/${organization.slug}?at=${encodeURIComponent(at)}`);
    expect(response.status(), at).toBe(400);
    expect(await response.text()).toContain('"at" must be a date and time from 1970 to 9999');
  }
  // A moment in range still shows the organisation as it was.
  await page.goto(`/${organization.slug}?at=${encodeURIComponent(loaded)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(organization.name);
});
