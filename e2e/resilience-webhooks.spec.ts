// Webhook deliveries across restarts (issue 23): a delivery whose receiver failed is retried, with the same
// webhook-id and a valid signature, by the app server that starts after every one was stopped: nothing is lost.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createFreshDatabase } from "../scripts/lib/databases.mjs";
import { migrateDeploy } from "../scripts/lib/process.mjs";
import { signInWithPassword } from "./fixtures/contract";
import { apiOf } from "./fixtures/scheduling";
import { startAppServer, type TAppServer } from "./fixtures/servers";
import { startReceiver, verified } from "./fixtures/webhook-receiver";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "needs a PostgreSQL server");

test("a delivery that failed before every app server stopped is sent again by the next to start", async () => {
  test.setTimeout(240_000);
  // Two failed attempts (about 3 s and 7 s apart): the one that succeeds comes well after the server stopped.
  const receiver = await startReceiver({ failFirst: 2 });
  // A database of its own: the suite's app server would otherwise run the job.
  const database = await createFreshDatabase({ serverUrl: process.env.DATABASE_URL, prefix: "remit_webhooks" });
  const env = { DATABASE_URL: database.url, WEBHOOK_ALLOW_PRIVATE: "1" };
  let server: TAppServer | null = null;
  try {
    await migrateDeploy({ ...process.env, ...env });
    server = await startAppServer({ env });
    const suffix = randomBytes(4).toString("hex");
    const person = { name: "Hal Hooks", email: `hal-${suffix}@example.test`, password: "a fine long passphrase" };
    const address = `10.8.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const signUp = await fetch(`${server.url}/api/v1/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify(person),
    });
    expect(signUp.status).toBe(201);
    const api = apiOf(server.url, { cookie: await signInWithPassword(server.url, { ...person, address }) });
    const slug = `hal-${suffix}`;
    expect((await api("POST", "/orgs", { name: "Hal's Org", slug })).status).toBe(201);
    const made = await api<{ webhook: { id: string; secret: string } }>("POST", `/orgs/${slug}/webhooks`, {
      url: receiver.url,
      events: ["draft.published"],
    });
    expect(made.status).toBe(201);
    const sent = await api<{ delivery: { id: string } }>("POST", `/orgs/${slug}/webhooks/${made.body.webhook.id}/test`);
    expect(sent.status).toBe(202);

    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await server.stop();
    const stoppedAt = Date.now();
    server = await startAppServer({ env, port: server.port });

    // Within a minute and a half even when the server was killed mid-attempt: its lock is freed after 30 s.
    await expect.poll(() => receiver.received.at(-1)?.status, { timeout: 90_000 }).toBe(204);
    const delivered = receiver.received.at(-1)!;
    expect(delivered.at).toBeGreaterThan(stoppedAt);
    expect(receiver.received.map((request) => request.headers["webhook-id"])).toEqual(
      receiver.received.map(() => sent.body.delivery.id),
    );
    for (const request of receiver.received) verified(made.body.webhook.secret, request);
    // A failed attempt is a warning that names the receiver's answer; nothing else may go wrong.
    expect(server.output()).not.toMatch(/TypeError|Something went wrong|jobs: (?!Failed task \d+ \(webhook\.deliver)/);
  } finally {
    await server?.stop();
    await receiver.close();
    await database.drop();
  }
});
