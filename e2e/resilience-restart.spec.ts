// The app killed without warning (issue #10): mid-import and mid-burst of edits, on PostgreSQL; and `npm start` on
// the embedded database killed with its whole process tree. After the restart nothing is half done, the journal
// tells the same story as the data, and every acknowledged write is there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { db } from "@/lib/db";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createApiTokenFor } from "@/prisma/factories";
import { createAccount } from "./fixtures/accounts";
import { cellsOf, findLostWrites, startCellWriters, type TCell, type TCellWrite } from "./fixtures/cell-writers";
import { EMPTY_MAP, readJournalAndMap } from "./fixtures/journal";
import { freePort, startAppServer, startRemit, UNREACHABLE_API_RATE_LIMIT, type TAppServer } from "./fixtures/servers";

// Each test kills and restarts servers of its own: one at a time keeps the machine's two cores for them.
test.describe.configure({ mode: "serial" });

/** Big enough that an import takes a while (about 4,000 cells), small enough to set up in seconds. */
const TEAMS = 100;

/** `writers` lists of `perWriter` cells each, none shared. */
function ownCells(cells: TCell[], writers: number, perWriter: number): TCell[][] {
  return Array.from({ length: writers }, (_, writer) => cells.slice(writer * perWriter, (writer + 1) * perWriter));
}

function acceptedAfter(writes: readonly TCellWrite[], moment: number): number {
  return writes.filter((write) => write.status === 200 && write.startedAt > moment).length;
}

/** True while another transaction holds rows of the organisation's map (locked for writing). */
async function isWritingTo(organizationId: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const table of ["person", "team", "slot", "duty", "assignment"]) {
      await client.query(`SELECT 1 FROM ${table} WHERE organization_id = $1 FOR SHARE NOWAIT`, [organizationId]);
    }
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") return true;
    throw error;
  } finally {
    await client.end();
  }
}

async function expectJournalToMatchMap(client: PrismaClient, organizationId: string) {
  const { replayed, live, rewoundToStart } = await readJournalAndMap(client, organizationId);
  expect(live.assignments.length).toBeGreaterThan(0);
  expect(replayed).toEqual(live);
  expect(rewoundToStart).toEqual(EMPTY_MAP);
}

test.describe("on PostgreSQL", () => {
  test.skip(process.env.REMIT_EMBEDDED_DATABASE === "1", "needs a PostgreSQL server shared by several processes");

  test("an app killed mid-import and mid-burst of edits comes back with whole imports, its journal and every accepted write", async () => {
    test.setTimeout(240_000);
    const { owner, organization } = await createAccount({ role: "MANAGER", generatedTeams: TEAMS });
    const token = await createApiTokenFor(db, {
      organizationId: organization.id,
      createdById: owner!.id,
      role: "MANAGER",
    });
    let server: TAppServer = await startAppServer({ env: UNREACHABLE_API_RATE_LIMIT });
    const port = server.port;
    const mapUrl = `${server.url}/api/v1/orgs/${organization.slug}/map`;
    const headers = { authorization: `Bearer ${token.secret}`, "content-type": "application/json" };
    const readMap = async () => (await fetch(mapUrl, { headers })).json() as Promise<unknown>;
    try {
      // One import run to the end, to learn how long one takes and what the other map exports as.
      const original = await readMap();
      const other = JSON.stringify(mapToDocument(generateMap({ teams: TEAMS, seed: 8 })));
      const firstStarted = Date.now();
      expect((await fetch(mapUrl, { method: "PUT", headers, body: other })).status).toBe(200);
      const importMs = Date.now() - firstStarted;
      const replaced = await readMap();
      expect(replaced).not.toEqual(original);

      // Import the original back and kill the app once the import is writing: its transaction holds rows of the
      // organisation that another transaction cannot lock.
      const started = Date.now();
      const reimport = fetch(mapUrl, { method: "PUT", headers, body: JSON.stringify(original) }).then(
        (response) => response.status,
        () => 0,
      );
      await expect
        .poll(() => isWritingTo(organization.id), { timeout: importMs * 4 + 10_000, intervals: [10] })
        .toBe(true);
      const killedAfterMs = Date.now() - started;
      await server.stop();
      const reimportStatus = await reimport;
      server = await startAppServer({ port, env: UNREACHABLE_API_RATE_LIMIT });
      const afterImport = await readMap();
      console.log(
        `app killed ${killedAfterMs} ms into an import (a whole one takes ${importMs} ms): answer ${reimportStatus}, ` +
          `the map is ${JSON.stringify(afterImport) === JSON.stringify(original) ? "the new one" : "the old one"}`,
      );
      if (reimportStatus === 200) expect(afterImport).toEqual(original);
      else expect([original, replaced]).toContainEqual(afterImport);
      await expectJournalToMatchMap(db, organization.id);

      // A burst of edits by several clients, the app killed in the middle of it and started again.
      const cells = await cellsOf(db, organization.id);
      const writers = startCellWriters({
        url: server.url,
        orgSlug: organization.slug,
        token: token.secret,
        cells: ownCells(cells, 8, 5),
      });
      await expect.poll(() => acceptedAfter(writers.writes, 0), { timeout: 30_000 }).toBeGreaterThan(50);
      await server.stop();
      const killedAt = Date.now();
      await expect.poll(() => writers.writes.filter((write) => write.startedAt > killedAt).length).toBeGreaterThan(8);
      server = await startAppServer({ port, env: UNREACHABLE_API_RATE_LIMIT });
      const restartedAt = Date.now();
      await expect.poll(() => acceptedAfter(writers.writes, restartedAt), { timeout: 30_000 }).toBeGreaterThan(50);
      const writes = await writers.stop();
      for (const write of writes) {
        // No answer only while the app was down; a 409 teaches a writer what became of a write whose answer it lost.
        expect([0, 200, 409], JSON.stringify(write.body)).toContain(write.status);
      }
      expect(writes.filter((write) => write.status === 0 && write.startedAt > restartedAt)).toEqual([]);
      expect(await findLostWrites(db, organization.id, writes)).toEqual([]);
      await expectJournalToMatchMap(db, organization.id);
    } finally {
      await server.stop();
    }
  });
});

test("npm start on the embedded database, killed with its whole process tree mid-burst, opens cleanly and keeps every accepted write", async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "remit-data-"));
  const [port, embeddedPort] = [await freePort(), await freePort()];
  const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${embeddedPort}/postgres?sslmode=disable`;
  const clients: PrismaClient[] = [];
  const connect = () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
    clients.push(client);
    return client;
  };
  let remit = await startRemit({ dataDir, port, embeddedPort });
  try {
    const client = connect();
    const { owner, organization } = await createAccount({ role: "MANAGER", withMap: true, client });
    const token = await createApiTokenFor(client, {
      organizationId: organization.id,
      createdById: owner!.id,
      role: "MANAGER",
    });
    const cells = await cellsOf(client, organization.id);
    const writers = startCellWriters({
      url: remit.url,
      orgSlug: organization.slug,
      token: token.secret,
      cells: ownCells(cells, 6, 5),
    });
    await expect.poll(() => acceptedAfter(writers.writes, 0), { timeout: 60_000 }).toBeGreaterThan(50);
    await remit.kill("SIGKILL");
    const killedAt = Date.now();
    await expect.poll(() => writers.writes.filter((write) => write.startedAt > killedAt).length).toBeGreaterThan(6);
    await Promise.all(clients.splice(0).map((each) => each.$disconnect().catch(() => undefined)));

    remit = await startRemit({ dataDir, port, embeddedPort });
    const restartedAt = Date.now();
    await expect.poll(() => acceptedAfter(writers.writes, restartedAt), { timeout: 60_000 }).toBeGreaterThan(30);
    const writes = await writers.stop();
    for (const write of writes) expect([0, 200, 409], JSON.stringify(write.body)).toContain(write.status);
    expect(writes.filter((write) => write.status === 0 && write.startedAt > restartedAt)).toEqual([]);

    const reopened = connect();
    expect(await findLostWrites(reopened, organization.id, writes)).toEqual([]);
    await expectJournalToMatchMap(reopened, organization.id);
    // The demo organisation seeded at the first start is intact too.
    expect(await reopened.organization.count()).toBeGreaterThanOrEqual(2);
  } finally {
    await Promise.all(clients.map((each) => each.$disconnect().catch(() => undefined)));
    await test.info().attach("npm start output", { body: remit.output(), contentType: "text/plain" });
    await remit.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
