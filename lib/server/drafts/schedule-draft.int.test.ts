import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TDraftView } from "@/lib/domain/drafts";
import type { TJournalPage } from "@/lib/domain/journal";
import type { TRemitMap } from "@/lib/domain/model";
import { runDueJobs } from "@/lib/server/jobs/start-job-worker";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { Prisma } from "@/lib/generated/prisma/client";
import { holdLock, waitersOf } from "@/lib/server/testing/locks";
import { createTeam } from "@/prisma/factories";
import { publishScheduledDraft } from "./schedule-draft";

const DRAFT = "/api/v1/orgs/[orgSlug]/drafts/[draftId]";
const EDITOR = "Edith Editor";

async function worldWithDraft() {
  const world = await createMapWorld();
  await createTeam(db, { organizationId: world.org.id, name: "Checkout", key: "checkout" });
  const made = await callApi<{ draft: TDraftView }>("POST /api/v1/orgs/[orgSlug]/drafts", {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body: { name: "Rename Checkout" },
  });
  expect(made.status).toBe(201);
  const draft = made.body.draft;
  expect((await renameTeam(world, draft.slug, "Checkout (planned)")).status).toBe(200);
  return { world, draft };
}

const renameTeam = (world: TMapWorld, slug: string, name: string) =>
  callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
    params: { orgSlug: slug, teamId: "checkout" },
    as: world.as.editor,
    body: { name },
  });

const schedule = (world: TMapWorld, draftId: string, at: unknown, as = world.as.editor) =>
  callApi<{ draft: TDraftView }>(`POST ${DRAFT}/schedule`, {
    params: { orgSlug: world.org.slug, draftId },
    as,
    body: { at },
  });

const getDraft = async (world: TMapWorld, draftId: string) =>
  (
    await callApi<{ draft: TDraftView }>(`GET ${DRAFT}`, {
      params: { orgSlug: world.org.slug, draftId },
      as: world.as.viewer,
    })
  ).body.draft;

async function liveTeamNames(world: TMapWorld): Promise<string[]> {
  const answer = await callApi<{ map: TRemitMap }>("GET /api/v1/orgs/[orgSlug]/state", {
    params: { orgSlug: world.org.slug },
    as: world.as.viewer,
  });
  return answer.body.map.teams.map((team) => team.name);
}

const journal = async (world: TMapWorld) =>
  (
    await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
    })
  ).body.groups;

/** Brings the draft's schedule due now, as the clock would, and runs the due jobs. */
async function fireSchedule(draftId: string) {
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()
    WHERE key = ${`draft.publish:${draftId}`}`;
  await runDueJobs();
}

const soon = () => new Date(Date.now() + 60 * 60_000).toISOString();

describe("scheduled publishing", () => {
  it("publishes at the moment as Publish does: one undoable action, published as scheduled by its scheduler", async () => {
    const { world, draft } = await worldWithDraft();
    const at = soon();
    const scheduled = await schedule(world, draft.id, at);
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.draft.schedule).toEqual({ at, by: EDITOR, refusal: null });
    expect((await getDraft(world, draft.id)).schedule?.at).toBe(at);
    expect(await liveTeamNames(world)).toEqual(["Checkout"]);

    await fireSchedule(draft.id);
    expect(await liveTeamNames(world)).toEqual(["Checkout (planned)"]);
    const published = await getDraft(world, draft.id);
    expect(published.publishedAt).not.toBeNull();
    const [action, ...rest] = await journal(world);
    expect(action).toMatchObject({ action: "draft.publish-scheduled", actor: { name: EDITOR } });
    expect(action?.sentence).toBe(`A draft was published as scheduled, by ${EDITOR}: 1 change`);
    expect(rest.filter((group) => group.action.startsWith("draft.publish"))).toEqual([]);

    const undone = await callApi("POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo", {
      params: { orgSlug: world.org.slug, entryId: action!.groupId },
      as: world.as.editor,
    });
    expect(undone.status).toBe(200);
    expect(await liveTeamNames(world)).toEqual(["Checkout"]);
  });

  it("refuses a moment that is not in the future, or not a moment, and lets only Managers schedule", async () => {
    const { world, draft } = await worldWithDraft();
    for (const at of [new Date(Date.now() - 1000).toISOString(), "tomorrow", 42, null]) {
      const answer = await schedule(world, draft.id, at);
      expect(answer.status, JSON.stringify(at)).toBe(400);
    }
    expect((await schedule(world, draft.id, soon(), world.as.viewer)).status).toBe(403);
    expect((await schedule(world, "nope", soon())).status).toBe(404);
    expect((await getDraft(world, draft.id)).schedule).toBeNull();
  });

  it("does not publish when live changed the same thing: the draft keeps the refusal and its conflicts", async () => {
    const { world, draft } = await worldWithDraft();
    await schedule(world, draft.id, soon());
    await renameTeam(world, world.org.slug, "Checkout (live)");

    await fireSchedule(draft.id);
    expect(await liveTeamNames(world)).toEqual(["Checkout (live)"]);
    const refused = await getDraft(world, draft.id);
    expect(refused.publishedAt).toBeNull();
    expect(refused.schedule?.refusal?.message).toMatch(/^scheduled publish refused: conflicts\. /);
    expect(refused.schedule?.refusal?.conflicts).toMatchObject([{ id: "team:checkout", kind: "team" }]);
    const [note, ...before] = await journal(world);
    expect(note).toMatchObject({ action: "draft.publish-refused", actor: { name: EDITOR }, entryCount: 0 });
    expect(note?.sentence).toBe(
      `Draft “Rename Checkout”: scheduled publish refused: conflicts with live (1 conflict); scheduled by ${EDITOR}`,
    );
    // Among the journal's actions, in order: after the live rename that caused it.
    expect(before[0]?.sentence).toMatch(/renamed/);
    const refusals = await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: world.org.slug },
      query: { action: "draft.publish-refused" },
      as: world.as.viewer,
    });
    expect(refusals.body.groups.map((group) => group.groupId)).toEqual([note!.groupId]);
    const byTeam = await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: world.org.slug },
      query: { kind: "team" },
      as: world.as.viewer,
    });
    expect(byTeam.body.groups.map((group) => group.action)).not.toContain("draft.publish-refused");
    // A second page starts after the note.
    const paged = await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: world.org.slug },
      query: { limit: "1" },
      as: world.as.viewer,
    });
    expect(paged.body.groups.map((group) => group.groupId)).toEqual([note!.groupId]);
    const next = await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: world.org.slug },
      query: { limit: "1", cursor: paged.body.nextCursor! },
      as: world.as.viewer,
    });
    expect(next.body.groups.map((group) => group.groupId)).toEqual([before[0]!.groupId]);
  });

  it("does not publish for a scheduler who may no longer publish, and says so", async () => {
    const { world, draft } = await worldWithDraft();
    await schedule(world, draft.id, soon());
    await db.membership.updateMany({
      where: { organizationId: world.org.id, user: { name: EDITOR } },
      data: { role: "VIEWER" },
    });

    await fireSchedule(draft.id);
    expect(await liveTeamNames(world)).toEqual(["Checkout"]);
    const refused = await getDraft(world, draft.id);
    expect(refused.publishedAt).toBeNull();
    expect(refused.schedule?.refusal).toMatchObject({
      message: expect.stringMatching(/Edith Editor can no longer publish drafts here/),
      conflicts: [],
    });
    expect((await journal(world))[0]?.sentence).toBe(
      `Draft “Rename Checkout”: scheduled publish refused; scheduled by ${EDITOR}`,
    );
  });

  it.skipIf(process.env.REMIT_EMBEDDED_DATABASE === "1")(
    "a refused scheduled publish meeting a publish waits for it, without a deadlock",
    async () => {
      const { world, draft } = await worldWithDraft();
      await schedule(world, draft.id, soon());
      await db.membership.updateMany({
        where: { organizationId: world.org.id, user: { name: EDITOR } },
        data: { role: "VIEWER" },
      });
      // A publish's locks in its order: live's row, then, once let go on, the draft's. The refusal that took the
      // draft's row first and then wanted live's (its event's and note's foreign keys) deadlocked with it.
      const publish = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${world.org.id} FOR UPDATE`, {
        then: async (tx) => {
          await tx.$queryRaw`SELECT id FROM draft WHERE id = ${draft.id} FOR UPDATE`;
        },
      });
      const fired = fireSchedule(draft.id);
      await waitersOf(publish.pid, 1);
      await publish.release();
      await fired;
      expect((await getDraft(world, draft.id)).schedule?.refusal).toMatchObject({
        message: expect.stringMatching(/Edith Editor can no longer publish drafts here/),
      });
    },
  );

  it("cancels: nothing is published, and the job is gone; a reschedule replaces the job", async () => {
    const { world, draft } = await worldWithDraft();
    await schedule(world, draft.id, soon());
    const later = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
    expect((await schedule(world, draft.id, later)).body.draft.schedule?.at).toBe(later);
    const jobs = () =>
      db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker._private_jobs
        WHERE key = ${`draft.publish:${draft.id}`}`;
    expect((await jobs()).map((job) => job.run_at.toISOString())).toEqual([later]);

    const cancelled = await callApi<{ draft: TDraftView }>(`DELETE ${DRAFT}/schedule`, {
      params: { orgSlug: world.org.slug, draftId: draft.id },
      as: world.as.editor,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.draft.schedule).toBeNull();
    expect(await jobs()).toEqual([]);
    // A job that had already been taken when the schedule was cancelled does nothing.
    await publishScheduledDraft.run({ draftId: draft.id, at: later });
    expect(await liveTeamNames(world)).toEqual(["Checkout"]);
    expect((await getDraft(world, draft.id)).publishedAt).toBeNull();
  });

  it("a draft published by hand meanwhile, or discarded, is left alone by its job", async () => {
    const { world, draft } = await worldWithDraft();
    const at = soon();
    await schedule(world, draft.id, at);
    const published = await callApi(`POST ${DRAFT}/publish`, {
      params: { orgSlug: world.org.slug, draftId: draft.id },
      as: world.as.editor,
    });
    expect(published.status).toBe(200);
    expect((await getDraft(world, draft.id)).schedule).toBeNull();
    await publishScheduledDraft.run({ draftId: draft.id, at });
    expect((await journal(world)).filter((group) => group.action.startsWith("draft.publish"))).toHaveLength(1);
    expect((await schedule(world, draft.id, soon())).status).toBe(409);

    await publishScheduledDraft.run({ draftId: "discarded-long-ago", at });
  });

  it.skipIf(process.env.REMIT_EMBEDDED_DATABASE === "1")(
    "a schedule meeting a publish waits for it, without a deadlock",
    async () => {
      const { world, draft } = await worldWithDraft();
      const { workspaceId } = await db.draft.findUniqueOrThrow({
        where: { id: draft.id },
        select: { workspaceId: true },
      });
      // A publish's locks in its order: live's row (the map's lock), then, once let go on, the draft's workspace. A
      // schedule that took the workspace first and then wanted live's row (its event's foreign key) deadlocked with it:
      // PostgreSQL aborted one of the two, and the schedule answered 503.
      const publish = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${world.org.id} FOR UPDATE`, {
        then: async (tx) => {
          await tx.$queryRaw`SELECT id FROM organization WHERE id = ${workspaceId} FOR UPDATE`;
        },
      });
      const scheduled = schedule(world, draft.id, soon());
      await waitersOf(publish.pid, 1);
      await publish.release();
      const answer = await scheduled;
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect((await getDraft(world, draft.id)).schedule).not.toBeNull();
    },
  );

  it.skipIf(process.env.REMIT_EMBEDDED_DATABASE === "1")(
    "publishes once when the job and a publish by hand meet at the organisation's lock",
    async () => {
      const { world, draft } = await worldWithDraft();
      const at = soon();
      await schedule(world, draft.id, at);
      const lock = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${world.org.id} FOR UPDATE`);
      const job = publishScheduledDraft.run({ draftId: draft.id, at });
      const byHand = callApi(`POST ${DRAFT}/publish`, {
        params: { orgSlug: world.org.slug, draftId: draft.id },
        as: world.as.editor,
      });
      await waitersOf(lock.pid, 2);
      await lock.release();
      const [, answer] = await Promise.all([job, byHand]);

      const publishes = (await journal(world)).filter((group) => group.action.startsWith("draft.publish"));
      expect(publishes).toHaveLength(1);
      // Whichever came second found the draft published: the job did nothing, or the publish by hand was refused.
      expect(publishes[0]!.action).toBe(answer.status === 200 ? "draft.publish" : "draft.publish-scheduled");
      expect([200, 409]).toContain(answer.status);
      expect(await liveTeamNames(world)).toEqual(["Checkout (planned)"]);
    },
  );
});
