import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TTimelineItem } from "@/lib/domain/timeline";
import type { TJournalPage } from "@/lib/domain/journal";
import type { TRemitMap } from "@/lib/domain/model";
import { ensureJobQueue } from "@/lib/server/jobs/job-queue";
import { runDueJobs } from "@/lib/server/jobs/start-job-worker";
import { queueEveryTerm } from "./slot-terms";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { asSystem, createPerson, createTeam } from "@/prisma/factories";

const SLOT = "PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]";
const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

async function world() {
  const base = await createMapWorld();
  const organizationId = base.org.id;
  const [ana, sam] = await Promise.all([
    createPerson(db, { organizationId, name: "Ana Ruiz", key: "ana" }),
    createPerson(db, { organizationId, name: "Sam Ode", key: "sam" }),
  ]);
  const team = await createTeam(db, { organizationId, name: "Checkout", key: "checkout" });
  const stranger = await createPerson(db, { organizationId: base.other.id, name: "Outsider", key: "outsider" });
  const patch = (body: Record<string, unknown>, slug = base.org.slug) =>
    callApi<{ slot: { holderUntil: string | null; nextHolder: { key: string } | null; nextHolderFrom: string } }>(
      SLOT,
      { params: { orgSlug: slug, teamId: "checkout", slotId: "po" }, as: base.as.editor, body },
    );
  expect((await patch({ holderId: "ana" })).status).toBe(200);
  return { ...base, ana, sam, stranger, team, patch };
}

const slotRow = (world: TMapWorld & { team: { id: string } }) =>
  db.slot.findFirstOrThrow({
    where: { teamId: world.team.id, key: "po" },
    select: { id: true, holderId: true, holderUntil: true, nextHolderId: true, nextHolderFrom: true },
  });

const queuedAt = async (slotId: string) =>
  (
    await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`slot.term:${slotId}`}`
  )[0]?.run_at.toISOString();

describe("terms", () => {
  beforeAll(() => ensureJobQueue());

  it("sets an end and a next holder, answers them, and queues the job at the first moment", async () => {
    const w = await world();
    const [until, from] = [inHours(24), inHours(48)];
    const answer = await w.patch({ holderUntil: until, nextHolderId: "sam", nextHolderFrom: from });
    expect(answer.status).toBe(200);
    expect(answer.body.slot).toMatchObject({ holderUntil: until, nextHolder: { key: "sam" }, nextHolderFrom: from });
    const row = await slotRow(w);
    expect(await queuedAt(row.id)).toBe(until);
    // A new holder starts without the old holder's end; the plan for Sam stays.
    expect((await w.patch({ holderId: "sam" })).status).toBe(200);
    expect(await slotRow(w)).toMatchObject({ holderId: w.sam.id, holderUntil: null, nextHolderId: w.sam.id });
    expect(await queuedAt(row.id)).toBe(from);
  });

  it("refuses a past end, an end of a vacant slot, a next holder of another organisation, a start before the end", async () => {
    const w = await world();
    const before = await slotRow(w);
    const cases: [Record<string, unknown>, string][] = [
      [{ holderUntil: inHours(-1) }, "holderUntil"],
      [{ holderId: null, holderUntil: inHours(1) }, "holderUntil"],
      [{ nextHolderId: w.stranger.id, nextHolderFrom: inHours(1) }, "nextHolderId"],
      [{ nextHolderId: "sam" }, "nextHolderFrom"],
      [{ holderUntil: inHours(5), nextHolderId: "sam", nextHolderFrom: inHours(4) }, "nextHolderFrom"],
      [{ holderUntil: "next spring" }, "holderUntil"],
    ];
    for (const [body, field] of cases) {
      const answer = await w.patch(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((answer.body as unknown as { error: { fields: object } }).error.fields)).toContain(field);
    }
    expect(await slotRow(w)).toEqual(before);
  });

  it("applies a due term through the queue: vacant, journalled as Remit's, undoable; then the next holder", async () => {
    const w = await world();
    const row = await slotRow(w);
    // Terms set in the past (as a worker that was down finds them): the trigger queues them due now.
    await asSystem(db, (tx) =>
      tx.slot.update({
        where: { id: row.id },
        data: {
          holderUntil: new Date(Date.now() - 2 * HOUR),
          nextHolderId: w.sam.id,
          nextHolderFrom: new Date(Date.now() + HOUR),
        },
      }),
    );
    await runDueJobs();
    expect(await slotRow(w)).toMatchObject({ holderId: null, holderUntil: null, nextHolderId: w.sam.id });
    // The next holder's start is queued in turn.
    expect(await queuedAt(row.id)).toBeDefined();

    const history = await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: w.org.slug },
      as: w.as.viewer,
    });
    const [latest] = history.body.groups;
    expect(latest).toMatchObject({ action: "slot.term", actor: { kind: "system" } });
    expect(latest!.sentence).toBe("The term of the PO of “Checkout” ended as planned: the slot is vacant");

    const undo = await callApi(`POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo`, {
      params: { orgSlug: w.org.slug, entryId: latest!.groupId },
      as: w.as.editor,
    });
    expect(undo.status).toBe(200);
    expect((await slotRow(w)).holderId).toBe(w.ana.id);

    await asSystem(db, (tx) =>
      tx.slot.update({
        where: { id: row.id },
        data: { holderUntil: null, nextHolderFrom: new Date(Date.now() - HOUR) },
      }),
    );
    await runDueJobs();
    expect(await slotRow(w)).toMatchObject({ holderId: w.sam.id, nextHolderId: null, nextHolderFrom: null });
  });

  it("shows the vacancy in the map as it will be and on the timeline, with the flags it introduces", async () => {
    const w = await world();
    const until = inHours(24);
    expect((await w.patch({ holderUntil: until })).status).toBe(200);
    const state = async (at?: string) =>
      (
        await callApi<{ map: TRemitMap }>("GET /api/v1/orgs/[orgSlug]/state", {
          params: { orgSlug: w.org.slug },
          query: at ? { at } : {},
          as: w.as.viewer,
        })
      ).body.map.slots.find((slot) => slot.teamId === w.team.id && slot.key === "po")!.holderId;
    expect(await state()).toBe(w.ana.id);
    expect(await state(inHours(23))).toBe(w.ana.id);
    expect(await state(inHours(25))).toBeNull();

    const timeline = await callApi<{ items: TTimelineItem[] }>("GET /api/v1/orgs/[orgSlug]/timeline", {
      params: { orgSlug: w.org.slug },
      query: { from: new Date().toISOString() },
      as: w.as.viewer,
    });
    const term = timeline.body.items.find((item) => item.kind === "term");
    expect(term).toMatchObject({
      at: until,
      sentence: "Ana Ruiz's term as PO of “Checkout” ends: the slot is vacant.",
    });
    expect(term!.flags.introduced.map((flag) => flag.kind)).toContain("vacant_slot");
  });

  it("travels with the map: export, import, a draft's copy", async () => {
    const w = await world();
    const until = inHours(24);
    const from = inHours(30);
    expect((await w.patch({ holderUntil: until, nextHolderId: "sam", nextHolderFrom: from })).status).toBe(200);
    const exported = await callApi<{ teams: { key: string; slots: Record<string, unknown>[] }[] }>(
      "GET /api/v1/orgs/[orgSlug]/map",
      { params: { orgSlug: w.org.slug }, as: w.as.viewer },
    );
    const slot = exported.body.teams.find((team) => team.key === "checkout")!.slots.find((one) => one.key === "po");
    expect(slot).toMatchObject({ holder: "ana", holderUntil: until, nextHolder: "sam", nextHolderFrom: from });

    const draft = await callApi<{ draft: { slug: string } }>("POST /api/v1/orgs/[orgSlug]/drafts", {
      params: { orgSlug: w.org.slug },
      as: w.as.editor,
      body: { name: "Plan" },
    });
    expect(draft.status).toBe(201);
    const draftSlot = await db.slot.findFirstOrThrow({
      where: { organization: { slug: draft.body.draft.slug }, key: "po", team: { key: "checkout" } },
      select: { holderUntil: true, nextHolder: { select: { key: true } }, nextHolderFrom: true },
    });
    expect(draftSlot).toEqual({
      holderUntil: new Date(until),
      nextHolder: { key: "sam" },
      nextHolderFrom: new Date(from),
    });
    // A draft's terms are a plan: no job of its own.
    const draftSlotId = (
      await db.slot.findFirstOrThrow({ where: { organization: { slug: draft.body.draft.slug }, key: "po" } })
    ).id;
    expect(await queuedAt(draftSlotId)).toBeUndefined();

    // An import that sets a term in the past is refused with the path; one with a future term sets it.
    const document = structuredClone(exported.body);
    const importSlot = document.teams.find((team) => team.key === "checkout")!.slots.find((one) => one.key === "po")!;
    importSlot.holderUntil = inHours(-1);
    const refused = await callApi("PUT /api/v1/orgs/[orgSlug]/map", {
      params: { orgSlug: w.org.slug },
      as: w.as.editor,
      body: document,
    });
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as { error: { fields: object } }).error.fields)).toEqual([
      "teams[0].slots[0].holderUntil",
    ]);
    importSlot.holderUntil = inHours(10);
    const imported = await callApi("PUT /api/v1/orgs/[orgSlug]/map", {
      params: { orgSlug: w.org.slug },
      as: w.as.editor,
      body: document,
    });
    expect(imported.status).toBe(200);
    expect((await slotRow(w)).holderUntil?.toISOString()).toBe(importSlot.holderUntil);
  });
});

describe("term.ending", () => {
  beforeAll(() => ensureJobQueue());

  it("says 14 days ahead that a term ends, once, and not for a term changed since", async () => {
    const w = await world();
    const row = await slotRow(w);
    // Ten days ahead: its notice is due now. Grace takes over when it ends.
    const until = new Date(Date.now() + 10 * 24 * HOUR);
    await asSystem(db, (tx) =>
      tx.slot.update({
        where: { id: row.id },
        data: { holderUntil: until, nextHolderId: w.sam.id, nextHolderFrom: until },
      }),
    );
    await runDueJobs();
    const announced = () =>
      db.event.findMany({ where: { organizationId: w.org.id, kind: "term.ending" }, select: { payload: true } });
    expect(await announced()).toMatchObject([
      {
        payload: {
          team: { key: "checkout" },
          slot: { id: row.id, key: "po" },
          person: { key: "ana", name: "Ana Ruiz" },
          details: { until: until.toISOString() },
          sentence: expect.stringMatching(
            /^Ana Ruiz's term as PO of “Checkout” ends on .* UTC; Sam Ode takes over from /,
          ),
        },
      },
    ]);
    // A worker starting again queues every term's jobs again: the notice is not made twice.
    await queueEveryTerm();
    await runDueJobs();
    expect(await announced()).toHaveLength(1);
    // A notice queued for an end that has changed since says nothing.
    await db.$executeRaw`SELECT graphile_worker.add_job('slot.term-ending',
      json_build_object('slotId', ${row.id}::text, 'until', ${new Date(Date.now() + HOUR).toISOString()}::text))`;
    await runDueJobs();
    expect(await announced()).toHaveLength(1);
  });
});
