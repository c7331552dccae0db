import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TDraftView } from "@/lib/domain/drafts";
import { runDueJobs } from "@/lib/server/jobs/start-job-worker";
import { Prisma } from "@/lib/generated/prisma/client";
import { holdLock, waitersOf } from "@/lib/server/testing/locks";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { setJournalContext } from "@/lib/server/kernel/journal-context";
import { sessionCookie } from "@/lib/server/testing/http";
import { createTeam, createUser } from "@/prisma/factories";

const DRAFT = "/api/v1/orgs/[orgSlug]/drafts/[draftId]";

/** A draft of a new organisation that needs one approval: it renames Checkout, and Rex (an Owner) approved it. */
async function approvedDraft() {
  const world = await createMapWorld();
  await db.organization.update({ where: { id: world.org.id }, data: { approvalsRequired: 1 } });
  await createTeam(db, { organizationId: world.org.id, name: "Checkout", key: "checkout" });
  const reviewer = await createUser(db, { name: "Rex Reviewer" });
  await db.membership.create({ data: { organizationId: world.org.id, userId: reviewer.id, role: "OWNER" } });
  const asReviewer = { cookie: await sessionCookie(reviewer) };
  const made = await callApi<{ draft: TDraftView }>("POST /api/v1/orgs/[orgSlug]/drafts", {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body: { name: "Rename Checkout" },
  });
  const { draft } = made.body;
  const params = { orgSlug: world.org.slug, draftId: draft.id };
  const rename = (name: string) =>
    callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: draft.slug, teamId: "checkout" },
      as: world.as.editor,
      body: { name },
    });
  expect((await rename("Checkout (planned)")).status).toBe(200);
  const submitted = await callApi(`POST ${DRAFT}/submit`, {
    params,
    as: world.as.editor,
    body: { reviewers: [reviewer.id] },
  });
  expect(submitted.status).toBe(200);
  const approved = await callApi(`POST ${DRAFT}/reviews`, { params, as: asReviewer, body: { decision: "approve" } });
  expect(approved.status).toBe(201);
  return { world, draft, params, rename, reviewer };
}

describe("an edit meeting a publish at the draft's lock", () => {
  it("an edit holding the draft when the publish arrives withdraws the approval before the publish checks it", async () => {
    const { world, draft, params } = await approvedDraft();
    const workspace = await db.organization.findUniqueOrThrow({ where: { slug: draft.slug }, select: { id: true } });
    // An edit of the draft under way: it holds the workspace's row, as every write to the draft does, and withdraws
    // the approval (remit_withdraw_approvals, as runWrite calls it) once it has changed the map.
    const held = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${workspace.id} FOR SHARE`, {
      then: async (tx) => {
        const groupId = await setJournalContext(tx, { actor: "system", action: "team.update" });
        await tx.team.updateMany({ where: { organizationId: workspace.id }, data: { name: "Checkout (edited)" } });
        const actor = JSON.stringify({ kind: "system", id: null, name: "Remit" });
        await tx.$queryRaw`SELECT remit_withdraw_approvals(${draft.id}, ${groupId}, ${actor}::jsonb, ${"{approvers}"})`;
      },
    });
    const publishing = callApi(`POST ${DRAFT}/publish`, { params, as: world.as.editor, body: {} });
    await waitersOf(held.pid, 1);
    await held.release();

    const published = await publishing;
    expect(published.status).toBe(409);
    expect(JSON.stringify(published.body)).toContain("needs 1 approval, has 0");
    const row = await db.draft.findUniqueOrThrow({
      where: { id: draft.id },
      select: { publishedAt: true, reviews: { select: { withdrawnAt: true } } },
    });
    expect(row.publishedAt).toBeNull();
    expect(row.reviews.map((review) => review.withdrawnAt !== null)).toEqual([true]);
    const live = await db.team.findFirstOrThrow({ where: { organizationId: world.org.id, key: "checkout" } });
    expect(live.name).toBe("Checkout");
  });
});

describe("a reviewer who may no longer review", () => {
  it("no longer counts once made a Viewer, nor once removed", async () => {
    const { world, params, reviewer } = await approvedDraft();
    const approvals = async () =>
      (await callApi<{ draft: TDraftView }>(`GET ${DRAFT}`, { params, as: world.as.viewer })).body.draft.review;
    expect((await approvals()).approvals).toEqual({ counted: 1, required: 1, isReady: true });
    const where = { organizationId: world.org.id, userId: reviewer.id };
    await db.membership.updateMany({ where, data: { role: "VIEWER" } });
    const demoted = await approvals();
    expect(demoted.reviewers).toEqual([]);
    expect(demoted.approvals).toEqual({ counted: 0, required: 1, isReady: false });
    const refused = await callApi(`POST ${DRAFT}/publish`, { params, as: world.as.editor, body: {} });
    expect(refused.status).toBe(409);
    await db.membership.updateMany({ where, data: { role: "OWNER" } });
    expect((await approvals()).approvals.counted).toBe(1);
    await db.membership.deleteMany({ where });
    expect((await approvals()).approvals.counted).toBe(0);
  });
});

describe("review of a scheduled draft", () => {
  it("refuses the scheduled publish when an edit after scheduling withdrew its approval, and says why", async () => {
    const world = await createMapWorld();
    await db.organization.update({ where: { id: world.org.id }, data: { approvalsRequired: 1 } });
    await createTeam(db, { organizationId: world.org.id, name: "Checkout", key: "checkout" });
    const reviewer = await createUser(db, { name: "Rex Reviewer" });
    await db.membership.create({ data: { organizationId: world.org.id, userId: reviewer.id, role: "OWNER" } });
    const asReviewer = { cookie: await sessionCookie(reviewer) };
    const made = await callApi<{ draft: TDraftView }>("POST /api/v1/orgs/[orgSlug]/drafts", {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: { name: "Rename Checkout" },
    });
    const { draft } = made.body;
    const params = { orgSlug: world.org.slug, draftId: draft.id };
    const rename = (name: string) =>
      callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
        params: { orgSlug: draft.slug, teamId: "checkout" },
        as: world.as.editor,
        body: { name },
      });
    expect((await rename("Checkout (planned)")).status).toBe(200);
    const submitted = await callApi(`POST ${DRAFT}/submit`, {
      params,
      as: world.as.editor,
      body: { reviewers: [reviewer.id] },
    });
    expect(submitted.status).toBe(200);
    expect(
      (await callApi(`POST ${DRAFT}/reviews`, { params, as: asReviewer, body: { decision: "approve" } })).status,
    ).toBe(201);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect((await callApi(`POST ${DRAFT}/schedule`, { params, as: world.as.editor, body: { at } })).status).toBe(200);

    // An edit after the schedule withdraws the approval; the moment comes.
    expect((await rename("Checkout (planned again)")).status).toBe(200);
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`draft.publish:${draft.id}`}`;
    await runDueJobs();

    const after = await callApi<{ draft: TDraftView }>(`GET ${DRAFT}`, { params, as: world.as.viewer });
    expect(after.body.draft.publishedAt).toBeNull();
    expect(after.body.draft.schedule?.refusal?.message).toBe(
      "scheduled publish refused. Not approved yet: the draft needs 1 approval, has 0.",
    );
    const live = await db.team.findFirstOrThrow({ where: { organizationId: world.org.id, key: "checkout" } });
    expect(live.name).toBe("Checkout");
  });
});

describe("review steps as events", () => {
  it("a submission and an approval are events of the live organisation, with the draft and its reviewers", async () => {
    const { world, draft, reviewer } = await approvedDraft();
    const events = await db.event.findMany({
      where: { organizationId: world.org.id, kind: { in: ["draft.submitted", "draft.approved"] } },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => event.kind)).toEqual(["draft.submitted", "draft.approved"]);
    expect(events[0]!.payload).toMatchObject({
      organization: { id: world.org.id, key: world.org.slug },
      draft: { id: draft.id, name: "Rename Checkout" },
      details: { reviewers: reviewer.name },
    });
    expect(events[1]!.payload).toMatchObject({ actor: { id: reviewer.id, name: reviewer.name } });
  });
});
