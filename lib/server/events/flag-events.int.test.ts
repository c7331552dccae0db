import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TEventData } from "@/lib/domain/events";
import { ensureJobQueue } from "@/lib/server/jobs/job-queue";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { createTeam } from "@/prisma/factories";
import { emitFlagEvents, queueStrandedFlagEvents } from "./flag-events";

const CELL = "PUT /api/v1/orgs/[orgSlug]/teams/[teamId]/assignments";
const SHARED = "shared_ownership:checkout:vision";

async function world() {
  const base = await createMapWorld();
  await createTeam(db, { organizationId: base.org.id, name: "Checkout", key: "checkout" });
  const setCell = async (slotId: "po" | "pm", level: "accountable" | "responsible") => {
    const answer = await callApi(CELL, {
      params: { orgSlug: base.org.slug, teamId: "checkout" },
      as: base.as.editor,
      body: { dutyId: "vision", slotId, level },
    });
    expect(answer.status).toBe(200);
  };
  const flagEvents = async () =>
    (
      await db.event.findMany({
        where: { organizationId: base.org.id, kind: { in: ["flag.introduced", "flag.resolved"] } },
        orderBy: { at: "asc" },
      })
    ).map((event) => ({ kind: event.kind, ...(event.payload as unknown as TEventData) }));
  const pendingGroups = () => db.flagEventPending.count({ where: { organizationId: base.org.id } });
  const queued = () =>
    db.$queryRaw<{ run_at: Date; task_identifier: string; revision: number }[]>`
      SELECT run_at, task_identifier, revision FROM graphile_worker.jobs WHERE key = ${`events.flags:${base.org.id}`}`;
  return { ...base, setCell, flagEvents, pendingGroups, queued };
}

describe("flag events", () => {
  beforeAll(() => ensureJobQueue());

  it("notes each write as pending and keeps one job of the organisation queued, untouched by later writes", async () => {
    const w = await world();
    await w.setCell("po", "accountable");
    const [first] = await w.queued();
    expect(first?.task_identifier).toBe("events.flags");
    expect(first!.run_at.getTime()).toBeGreaterThan(Date.now());
    await w.setCell("pm", "accountable");
    // No webhook listens: the inbox still needs the events, so the writes wait for the job all the same.
    expect(await w.pendingGroups()).toBe(2);
    expect(await w.queued()).toEqual([first]);
  });

  it("queues a job for groups left pending without one, and none for those a job waits for", async () => {
    const w = await world();
    await w.setCell("po", "accountable");
    const [waiting] = await w.queued();
    await queueStrandedFlagEvents();
    expect(await w.queued()).toEqual([waiting]);
    // A group that committed after its organisation's job last looked, long enough ago.
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`events.flags:${w.org.id}`}`;
    await db.flagEventPending.updateMany({
      where: { organizationId: w.org.id },
      data: { notedAt: new Date(Date.now() - 60_000) },
    });
    await queueStrandedFlagEvents();
    const [queued] = await w.queued();
    expect(queued?.run_at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("judges a few pending changes one at a time: each flag with the change and the person that made it", async () => {
    const w = await world();
    await w.setCell("po", "accountable");
    await w.setCell("pm", "accountable");
    await w.setCell("pm", "responsible");
    await emitFlagEvents.run({ organizationId: w.org.id });
    const events = await w.flagEvents();
    const shared = events.filter((event) => event.flag?.key === SHARED);
    expect(shared.map((event) => event.kind)).toEqual(["flag.introduced", "flag.resolved"]);
    expect(shared[0]).toMatchObject({ actor: { kind: "user", name: "Edith Editor" }, team: { key: "checkout" } });
    expect(shared[0]!.details).toBeUndefined();
    expect(await w.pendingGroups()).toBe(0);
    // Taken once: a second run finds nothing left.
    await emitFlagEvents.run({ organizationId: w.org.id });
    expect(await w.flagEvents()).toHaveLength(events.length);
  });

  it("judges a burst as one change: what it left, not what came and went within it", async () => {
    const w = await world();
    await w.setCell("po", "accountable");
    await emitFlagEvents.run({ organizationId: w.org.id });
    const before = (await w.flagEvents()).length;
    // Ten flips of the PM's level: the overlap comes and goes five times and is gone at the end.
    for (let flip = 0; flip < 10; flip++) await w.setCell("pm", flip % 2 === 0 ? "accountable" : "responsible");
    await emitFlagEvents.run({ organizationId: w.org.id });
    expect(await w.flagEvents()).toHaveLength(before);
    // Nine flips: it stays, as one event of nine changes by one person.
    for (let flip = 0; flip < 9; flip++) await w.setCell("pm", flip % 2 === 0 ? "accountable" : "responsible");
    await emitFlagEvents.run({ organizationId: w.org.id });
    const added = (await w.flagEvents()).slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        kind: "flag.introduced",
        flag: expect.objectContaining({ key: SHARED }),
        actor: expect.objectContaining({ name: "Edith Editor" }),
        details: { changes: 9 },
      }),
    ]);
  });
});
