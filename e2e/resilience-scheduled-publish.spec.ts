// Scheduled publishing across restarts (issue 22): a publish that fell due while no app server ran is run by the
// first to start again, on the embedded database of `npm start` as on a PostgreSQL server; and `npm start` keeps
// answering sign-up, sign-in and the organisations around it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createFreshDatabase } from "../scripts/lib/databases.mjs";
import { migrateDeploy } from "../scripts/lib/process.mjs";
import { signInWithPassword } from "./fixtures/contract";
import { apiOf, plannedDraft, publishActions, scheduleIn, teamName } from "./fixtures/scheduling";
import { freePort, startAppServer, startRemit, type TAppServer } from "./fixtures/servers";

const PUBLISHED = { timeout: 60_000 };

/** Resolves once the clock has passed `at`: what the test waits for is a moment, not an answer. */
async function pastMoment(at: string) {
  await expect.poll(() => Date.now(), { timeout: 30_000, intervals: [100] }).toBeGreaterThan(new Date(at).getTime());
}

/** A newcomer who signs up, makes an organisation with a team "Checkout" and plans its rename in a draft. */
async function newcomerWithDraft(baseURL: string) {
  const suffix = randomBytes(4).toString("hex");
  const person = { name: "Sia Scheduler", email: `sia-${suffix}@example.test`, password: "a fine long passphrase" };
  const address = `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const slug = `sia-${suffix}`;
  const signUp = await fetch(`${baseURL}/api/v1/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(person),
  });
  expect(signUp.status).toBe(201);
  const api = apiOf(baseURL, { cookie: await signInWithPassword(baseURL, { ...person, address }) });
  expect((await api("POST", "/orgs", { name: "Sia's Org", slug })).status).toBe(201);
  expect((await api("POST", `/orgs/${slug}/teams`, { name: "Checkout", key: "checkout" })).status).toBe(201);
  const draft = await plannedDraft(api, slug);
  const signIn = async (url: string) => apiOf(url, { cookie: await signInWithPassword(url, { ...person, address }) });
  return { api, slug, draft, signIn };
}

/** After the restart: the draft published by itself, once, as scheduled by the newcomer. */
async function expectPublishedAsScheduled(api: ReturnType<typeof apiOf>, slug: string) {
  await expect.poll(() => teamName(api, slug), PUBLISHED).toBe("checkout (planned)");
  const actions = await publishActions(api, slug);
  expect(actions.map((action) => action.sentence)).toEqual([
    "A draft was published as scheduled, by Sia Scheduler: 1 change",
  ]);
}

test("npm start on the embedded database runs a publish that fell due while it was stopped", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "remit-scheduled-"));
  const [port, embeddedPort] = [await freePort(), await freePort()];
  let remit = await startRemit({ dataDir, port, embeddedPort });
  try {
    const { api, slug, draft, signIn } = await newcomerWithDraft(remit.url);
    const at = await scheduleIn(api, slug, draft.id, 4_000);
    await remit.kill("SIGTERM");

    await pastMoment(at);
    remit = await startRemit({ dataDir, port, embeddedPort });
    const again = await signIn(remit.url);
    await expectPublishedAsScheduled(again, slug);
    const organizations = await again<{ organizations: { slug: string }[] }>("GET", "/orgs");
    expect(organizations.body.organizations.map((organization) => organization.slug)).toEqual([slug]);
    expect(remit.output()).not.toMatch(/TypeError|Something went wrong|jobs.*error/i);
  } finally {
    await test.info().attach("npm start output", { body: remit.output(), contentType: "text/plain" });
    await remit.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test.describe("on PostgreSQL", () => {
  test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "needs a PostgreSQL server");

  test("a publish that fell due while every app server was stopped runs when one starts", async () => {
    test.setTimeout(240_000);
    // A database of its own: the suite's app server would otherwise run the job.
    const database = await createFreshDatabase({ serverUrl: process.env.DATABASE_URL, prefix: "remit_scheduled" });
    const env = { DATABASE_URL: database.url };
    let server: TAppServer | null = null;
    try {
      await migrateDeploy({ ...process.env, ...env });
      server = await startAppServer({ env });
      const { api, slug, draft, signIn } = await newcomerWithDraft(server.url);
      const at = await scheduleIn(api, slug, draft.id, 3_000);
      await server.stop();

      await pastMoment(at);
      server = await startAppServer({ env, port: server.port });
      await expectPublishedAsScheduled(await signIn(server.url), slug);
      expect(server.output()).not.toMatch(/jobs.*error/i);
    } finally {
      await server?.stop();
      await database.drop();
    }
  });
});
