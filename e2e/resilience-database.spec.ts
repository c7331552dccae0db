// The database restarting under the app (issue #10): while it is down every write is refused quickly and plainly,
// the app recovers by itself when it is back, nothing acknowledged is lost, and browsers catch up. The test owns a
// PostgreSQL server it can stop, so it runs only where one can be started (not with the embedded database).
import { expect, test, type Page } from "@playwright/test";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount, signIn } from "./fixtures/accounts";
import { cellsOf, findLostWrites, startCellWriters, writeCell, type TCellWrite } from "./fixtures/cell-writers";
import { startPrivatePostgres } from "./fixtures/postgres";
import { startAppServer, UNREACHABLE_API_RATE_LIMIT } from "./fixtures/servers";

test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "needs a PostgreSQL server of its own");
test.describe.configure({ mode: "serial" });

const WRITERS = 6;
/** How long writes go on against the stopped database: longer than the event stream's 10 s heartbeat. */
const DOWN_FOR_MS = 11_000;
/** An answer slower than this is a hang, whatever it says. */
const ANSWER_WITHIN_MS = 8_000;
/** The app must be writing again this soon after the database accepts connections. */
const RECOVER_WITHIN_MS = 10_000;

function cell(page: Page, dutyKey: string, slotKey: string) {
  return page.locator(`[data-cell="${dutyKey}:${slotKey}"]`);
}

/** The cells changed in an event stream's text so far. */
function cellChanges(streamed: string): { dutyId: string; slotId: string; level: string | null }[] {
  return [...streamed.matchAll(/^event: change\ndata: (.*)$/gm)].flatMap((match) => {
    const event = JSON.parse(match[1]!) as { cell?: { dutyId: string; slotId: string; level: string | null } };
    return event.cell ? [event.cell] : [];
  });
}

function summary(writes: readonly TCellWrite[]): string {
  const counts = new Map<string, number>();
  for (const write of writes) counts.set(String(write.status), (counts.get(String(write.status)) ?? 0) + 1);
  return JSON.stringify(Object.fromEntries(counts));
}

test("PostgreSQL restarting under clients' edits: 503s while down, recovery by itself, nothing acknowledged lost, browsers resync", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const postgres = await startPrivatePostgres();
  const client = postgres.client();
  const server = await startAppServer({ env: { DATABASE_URL: postgres.url, ...UNREACHABLE_API_RATE_LIMIT } });
  const context = await browser.newContext({ baseURL: server.url });
  const abortStream = new AbortController();
  try {
    const { user, owner, organization } = await createAccount({ role: "MANAGER", withMap: true, client });
    const token = await createApiTokenFor(client, {
      organizationId: organization.id,
      createdById: owner!.id,
      role: "MANAGER",
    });
    const team = await client.team.findFirstOrThrow({ where: { organizationId: organization.id, key: "search" } });
    // The browser watches an empty cell; each writer has cells of its own among the others.
    const watched = (await cellsOf(client, organization.id, { isEmpty: true })).find(
      (each) => each.teamId === team.id,
    )!;
    const cells = (await cellsOf(client, organization.id)).filter(
      (each) => each.teamId === team.id && !(each.slotId === watched.slotId && each.dutyId === watched.dutyId),
    );
    const own = Array.from({ length: WRITERS }, (_, writer) => cells.filter((_, index) => index % WRITERS === writer));

    const page = await context.newPage();
    await signIn(page, user);
    await page.goto(`/${organization.slug}/teams/${team.id}`);
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await expect(cell(page, watched.dutyKey, watched.slotKey)).toHaveAccessibleName(/: no level/);

    // An API client on the event stream too.
    const stream = await fetch(`${server.url}/api/v1/orgs/${organization.slug}/events`, {
      headers: { authorization: `Bearer ${token.secret}` },
      signal: abortStream.signal,
    });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let streamed = "";
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        streamed += decoder.decode(value);
      }
    })().catch(() => undefined);
    await expect.poll(() => streamed).toContain("event: ready");

    const writers = startCellWriters({ url: server.url, orgSlug: organization.slug, token: token.secret, cells: own });
    await expect.poll(() => writers.writes.filter((write) => write.status === 200).length).toBeGreaterThan(30);

    await postgres.stop("immediate");
    const downAt = Date.now();
    await expect.poll(() => writers.writes.filter((write) => write.startedAt > downAt).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, DOWN_FOR_MS));
    const restartingAt = Date.now();
    await postgres.start();
    const upAt = Date.now();
    await expect
      .poll(
        () => new Set(writers.writes.filter((w) => w.status === 200 && w.startedAt > upAt).map((w) => w.writer)).size,
        {
          timeout: RECOVER_WITHIN_MS,
        },
      )
      .toBe(WRITERS);
    const recoveredAt = Math.max(
      ...Array.from(
        { length: WRITERS },
        (_, writer) =>
          writers.writes.find((w) => w.writer === writer && w.status === 200 && w.startedAt > upAt)!.endedAt,
      ),
    );
    console.log(`database restart: every writer accepted again ${recoveredAt - upAt} ms after PostgreSQL was back`);
    // A few more rounds, so that the last accepted write of every cell is after the restart.
    await expect.poll(() => writers.writes.filter((write) => write.startedAt > recoveredAt).length).toBeGreaterThan(50);
    const writes = await writers.stop();
    console.log(`database restart: ${writes.length} writes, by status ${summary(writes)}`);

    // While it was down: a quick, plain 503 with Retry-After, never an error page, a 500 or a hang.
    const whileDown = writes.filter((write) => write.startedAt > downAt && write.endedAt < restartingAt);
    expect(whileDown.length).toBeGreaterThan(WRITERS);
    for (const write of whileDown) {
      expect(write.status, JSON.stringify(write.body)).toBe(503);
      expect(write.body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/database/i) } });
      expect(Number(write.retryAfter)).toBeGreaterThan(0);
    }
    for (const write of writes) {
      expect(write.endedAt - write.startedAt, `${write.status} ${JSON.stringify(write.body)}`).toBeLessThan(
        ANSWER_WITHIN_MS,
      );
      // A write in flight when the database died may have landed or not: 503, and its writer learns which from
      // the 409 that follows. Nothing else is acceptable.
      expect([200, 409, 503], JSON.stringify(write.body)).toContain(write.status);
    }
    expect(await findLostWrites(client, organization.id, writes)).toEqual([]);

    // The browser and the API client were never told to go away, and both see a change made after the restart,
    // pushed to them.
    const streamedBefore = streamed.length;
    const after = await writeCell({
      url: server.url,
      orgSlug: organization.slug,
      token: token.secret,
      cell: watched,
      level: "consulted",
    });
    expect(after.status).toBe(200);
    await expect(cell(page, watched.dutyKey, watched.slotKey)).toHaveAccessibleName(/: Consulted/, { timeout: 15_000 });
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    // The write's own event, or, if the server was not yet listening again when it was committed, the "reload
    // everything" event the server sends once it is (events it could not hear are never replayed one by one).
    await expect
      .poll(
        () => {
          const since = streamed.slice(streamedBefore);
          return (
            /"entity":"map"/.test(since) ||
            cellChanges(since).some(
              (change) =>
                change.dutyId === watched.dutyId && change.slotId === watched.slotId && change.level === "consulted",
            )
          );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(streamed).not.toContain("event: revoked");
    expect(server.process.exitCode).toBeNull();
    // Nothing unexpected was logged (errorResponse logs every error it answers with a 500).
    expect(server.output()).not.toMatch(/error/i);
  } finally {
    await test.info().attach("app output", { body: server.output(), contentType: "text/plain" });
    abortStream.abort();
    await context.close();
    await server.stop();
    await postgres.destroy();
  }
});
