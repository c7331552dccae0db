// Notifications: who receives which event (the fan-out job), the inbox and settings routes, and the live stream.
// The email side is in lib/server/events/email-notifications.int.test.ts, against a real SMTP server.
import { describe, expect, it } from "vitest";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import * as readRoute from "@/app/api/v1/notifications/read/route";
import * as settingsRoute from "@/app/api/v1/me/notification-settings/route";
import { db } from "@/lib/db";
import type { TEvent, TEventData } from "@/lib/domain/events";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import { FLAGS_NOTIFIED_ONE_BY_ONE } from "@/lib/domain/notifications";
import { userActor } from "@/lib/server/auth/actor";
import { createComment } from "@/lib/server/comments/create-comment";
import { createDraft } from "@/lib/server/drafts/drafts";
import { prefixedId } from "@/lib/server/events/event-rows";
import { emitFlagEvents } from "@/lib/server/events/flag-events";
import { reviewDraft, submitDraft } from "@/lib/server/drafts/review-draft";
import { notifyRecipients } from "@/lib/server/events/notify-recipients";
import { recordEvents } from "@/lib/server/events/record-events";
import { runDueJobs } from "@/lib/server/jobs/start-job-worker";
import { openEventStream } from "@/lib/server/live/open-event-stream";
import { createTeam } from "@/lib/server/teams/create-team";
import { streamReader } from "@/lib/server/testing/event-stream";
import { callRoute, sessionCookie } from "@/lib/server/testing/http";
import { callApi } from "@/lib/server/testing/map-world";
import { createOrganization, createPerson, createUser } from "@/prisma/factories";

async function setUp() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const [owner, manager, reviewer, viewer] = await Promise.all(
    [`Olga Owner ${suffix}`, `Milo Manager ${suffix}`, `Rhea Reviewer ${suffix}`, `Vito Viewer ${suffix}`].map((name) =>
      createUser(db, { name }),
    ),
  );
  const org = await createOrganization(db, {
    name: "Inbox Org",
    members: [
      { userId: owner!.id, role: "OWNER" },
      { userId: manager!.id, role: "MANAGER" },
      { userId: reviewer!.id, role: "MANAGER" },
      { userId: viewer!.id, role: "VIEWER" },
    ],
  });
  const team = await createTeam({ actor: userActor(manager!), orgSlug: org.slug, name: "Checkout" });
  return { owner: owner!, manager: manager!, reviewer: reviewer!, viewer: viewer!, org, team };
}
type TWorld = Awaited<ReturnType<typeof setUp>>;

/**
 * Runs the fan-out of every event of the organisation, as one job, the way a change's events are queued (again: it
 * must add nothing the second time).
 */
async function fanOut(organizationId: string): Promise<void> {
  const events = await db.event.findMany({ where: { organizationId }, select: { id: true }, orderBy: { at: "asc" } });
  await notifyRecipients.run({ eventIds: events.map((event) => event.id) });
}

/** Each of the world's users' inbox, as the kinds they hold (oldest first). */
async function inboxes(world: TWorld): Promise<Record<"owner" | "manager" | "reviewer" | "viewer", string[]>> {
  const kinds = async (userId: string) =>
    (
      await db.notification.findMany({
        where: { userId, organizationId: world.org.id },
        select: { kind: true },
        orderBy: [{ createdAt: "asc" }, { kind: "asc" }],
      })
    ).map((notification) => notification.kind);
  return {
    owner: await kinds(world.owner.id),
    manager: await kinds(world.manager.id),
    reviewer: await kinds(world.reviewer.id),
    viewer: await kinds(world.viewer.id),
  };
}

function eventOf(world: TWorld, kind: TEvent["kind"], extra: Partial<TEvent["data"]> = {}): TEvent {
  return {
    kind,
    data: {
      organization: { id: world.org.id, key: world.org.slug, name: world.org.name },
      draft: null,
      actor: { kind: "system", id: null, name: "Remit" },
      sentence: `Something of kind ${kind}`,
      url: `http://localhost:3000/${world.org.slug}`,
      ...extra,
    },
  };
}

describe("notifications", () => {
  it("bring a mention to the member mentioned, and a reply to the thread's participants, never to its writer", async () => {
    const world = await setUp();
    const { thread } = await createComment({
      actor: userActor(world.manager),
      orgSlug: world.org.slug,
      target: { kind: "team", teamId: world.team.id },
      body: `@${world.viewer.name} is Checkout yours?`,
    });
    // Through the queue, as the app runs it: queued in the comment's transaction.
    await runDueJobs();
    expect(await inboxes(world)).toEqual({ owner: [], manager: [], reviewer: [], viewer: ["mention"] });

    await createComment({ actor: userActor(world.reviewer), orgSlug: world.org.slug, threadId: thread.id, body: "+1" });
    await fanOut(world.org.id);
    await fanOut(world.org.id);
    expect(await inboxes(world)).toEqual({
      owner: [],
      manager: ["comment.created"],
      reviewer: [],
      viewer: ["mention", "comment.created"],
    });
  });

  it("bring a submission to its reviewers and their decisions to the submitter", async () => {
    const world = await setUp();
    const { draft } = await createDraft({ actor: userActor(world.manager), orgSlug: world.org.slug, name: "Plan B" });
    await submitDraft({
      actor: userActor(world.manager),
      orgSlug: world.org.slug,
      draftId: draft.id,
      reviewers: [world.reviewer.id, world.owner.id],
    });
    await reviewDraft({
      actor: userActor(world.reviewer),
      orgSlug: world.org.slug,
      draftId: draft.id,
      decision: "request_changes",
      comment: "Not yet",
    });
    await reviewDraft({
      actor: userActor(world.owner),
      orgSlug: world.org.slug,
      draftId: draft.id,
      decision: "approve",
      comment: null,
    });
    await fanOut(world.org.id);
    expect(await inboxes(world)).toEqual({
      owner: ["draft.submitted"],
      manager: ["draft.changes_requested", "draft.approved"],
      reviewer: ["draft.submitted"],
      viewer: [],
    });
  });

  it("bring flags to Managers and Owners (a draft's to its author), terms to them and the holder", async () => {
    const world = await setUp();
    const { draft } = await createDraft({ actor: userActor(world.reviewer), orgSlug: world.org.slug, name: "Plan C" });
    const holder = await createPerson(db, { organizationId: world.org.id, name: "V", email: world.viewer.email });
    await db.$transaction((tx) =>
      recordEvents(tx, world.org.id, [
        eventOf(world, "flag.introduced"),
        eventOf(world, "flag.resolved", { draft: { id: draft.id, name: draft.name } }),
        eventOf(world, "term.ending", { person: { id: holder.id, key: holder.key, name: holder.name } }),
        eventOf(world, "webhook.disabled"),
        // Not for anyone's inbox.
        eventOf(world, "webhook.test"),
      ]),
    );
    await fanOut(world.org.id);
    expect(await inboxes(world)).toEqual({
      owner: ["flag.introduced", "term.ending", "webhook.disabled"],
      manager: ["flag.introduced", "term.ending"],
      reviewer: ["flag.introduced", "flag.resolved", "term.ending"],
      viewer: ["term.ending"],
    });
  });

  it("sum up a change with many flags in one notification per recipient, while webhooks get every flag", async () => {
    const world = await setUp();
    // The team setUp made is a change of a few flags: each its own notification, as before.
    await emitFlagEvents.run({ organizationId: world.org.id });
    await runDueJobs();
    const before = await inboxes(world);
    expect(before.owner.length).toBeGreaterThan(0);
    expect(before.owner.length).toBeLessThanOrEqual(FLAGS_NOTIFIED_ONE_BY_ONE);
    const earlier = (await db.event.findMany({ where: { organizationId: world.org.id }, select: { id: true } })).map(
      (event) => event.id,
    );
    const endpoint = await db.webhookEndpoint.create({
      data: {
        id: prefixedId("wh_"),
        organizationId: world.org.id,
        url: "http://127.0.0.1:9/hook",
        events: ["flag.introduced", "flag.resolved"],
        format: "standard",
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        createdByName: "Test",
      },
    });
    const imported = await callApi("PUT /api/v1/orgs/[orgSlug]/map", {
      params: { orgSlug: world.org.slug },
      as: { cookie: await sessionCookie(world.manager) },
      body: mapToDocument(generateMap({ teams: 20, seed: 3 })),
    });
    expect(imported.status).toBe(200);
    // The organisation's flag job, as the queue runs it; its fan-out through the queue, queued in its transaction.
    await emitFlagEvents.run({ organizationId: world.org.id });
    const flags = await db.event.findMany({
      where: {
        organizationId: world.org.id,
        kind: { in: ["flag.introduced", "flag.resolved"] },
        id: { notIn: earlier },
      },
      select: { kind: true },
    });
    const introduced = flags.filter((flag) => flag.kind === "flag.introduced").length;
    expect(flags.length).toBeGreaterThan(FLAGS_NOTIFIED_ONE_BY_ONE);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(flags.length);
    // The deliveries are not what this test is about: a disabled endpoint's are marked failed without a request.
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: new Date() } });
    const [summaryEvent] = await db.event.findMany({ where: { organizationId: world.org.id, kind: "flag.summary" } });
    const [fanOutJob] = await db.$queryRaw<{ payload: { eventIds: string[] } }[]>`
      SELECT payload FROM graphile_worker._private_jobs WHERE payload::jsonb->'eventIds' ? ${summaryEvent!.id}`;
    await runDueJobs();
    const after = {
      ...before,
      owner: [...before.owner, "flag.summary"],
      reviewer: [...before.reviewer, "flag.summary"],
    };
    expect(await inboxes(world)).toEqual(after);
    const inbox = await callRoute(notificationsRoute.GET, {
      method: "GET",
      path: "/api/v1/notifications",
      credentials: { cookie: await sessionCookie(world.owner) },
    });
    const [summary] = (inbox.body as { notifications: { kind: string; sentence: string; path: string }[] })
      .notifications;
    expect(summary).toEqual(
      expect.objectContaining({
        kind: "flag.summary",
        sentence: expect.stringMatching(
          new RegExp(`^${world.manager.name} imported a map: ${introduced} flags raised`),
        ),
        path: `/${world.org.slug}`,
      }),
    );
    expect((summaryEvent!.payload as unknown as TEventData).details).toEqual({
      introduced,
      resolved: flags.length - introduced,
      changes: 1,
      action: "map.import",
    });

    // The job and the fan-out run again (the queue runs each at least once): nothing more.
    await emitFlagEvents.run({ organizationId: world.org.id });
    await notifyRecipients.run(fanOutJob!.payload);
    expect(await inboxes(world)).toEqual(after);
  });

  it("are announced live to their recipients' open pages only", async () => {
    const world = await setUp();
    const abort = new AbortController();
    const open = async (user: TWorld["viewer"]) =>
      streamReader(await openEventStream({ actor: userActor(user), orgSlug: world.org.slug, signal: abort.signal }));
    const [viewerStream, ownerStream] = [await open(world.viewer), await open(world.owner)];
    try {
      await viewerStream.readUntil("event: ready");
      await ownerStream.readUntil("event: ready");
      await createComment({
        actor: userActor(world.manager),
        orgSlug: world.org.slug,
        target: { kind: "team", teamId: world.team.id },
        body: `Over to you, @${world.viewer.email}`,
      });
      await fanOut(world.org.id);
      await viewerStream.readUntil("event: notification");
      // Announced after the notification: once the owner's stream has it, it would have had the notification.
      const second = await createComment({
        actor: userActor(world.manager),
        orgSlug: world.org.slug,
        target: { kind: "team", teamId: world.team.id },
        body: "A second, for no one",
      });
      await ownerStream.readUntil(second.thread.id);
      expect(ownerStream.text()).not.toContain("event: notification");
      expect(viewerStream.text()).not.toContain(world.viewer.id);
    } finally {
      abort.abort();
    }
  });
});

describe("the inbox API", () => {
  it("lists the caller's notifications newest first, a page at a time, and marks them read", async () => {
    const world = await setUp();
    for (const body of ["first", "second", "third"]) {
      await createComment({
        actor: userActor(world.manager),
        orgSlug: world.org.slug,
        target: { kind: "team", teamId: world.team.id },
        body: `@${world.viewer.name} ${body}`,
      });
    }
    await fanOut(world.org.id);
    const viewer = { cookie: await sessionCookie(world.viewer) };
    const owner = { cookie: await sessionCookie(world.owner) };
    type TPage = {
      notifications: { id: string; kind: string; sentence: string; path: string; readAt: string | null }[];
      unread: number;
      nextCursor: string | null;
    };
    const list = async (credentials: typeof viewer, path = "/api/v1/notifications") =>
      (await callRoute(notificationsRoute.GET, { path, credentials })) as { status: number; body: TPage };

    const first = await list(viewer, "/api/v1/notifications?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(3);
    expect(first.body.notifications.map((item) => item.sentence)).toEqual([
      expect.stringMatching(/mentioned .* on team “Checkout”: “@.* third”$/),
      expect.stringMatching(/second”$/),
    ]);
    expect(first.body.notifications[0]).toMatchObject({
      kind: "mention",
      path: `/${world.org.slug}/teams/${world.team.id}`,
      readAt: null,
    });
    const second = await list(viewer, `/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.notifications.map((item) => item.sentence)).toEqual([expect.stringMatching(/first”$/)]);
    expect(second.body.nextCursor).toBeNull();
    expect((await list(owner)).body).toEqual({ notifications: [], unread: 0, nextCursor: null });

    // Another's notification is not the owner's to mark.
    const ids = first.body.notifications.map((item) => item.id);
    const notTheirs = await callRoute(readRoute.POST, { method: "POST", body: { ids }, credentials: owner });
    expect(notTheirs.body).toEqual({ unread: 0 });
    expect((await list(viewer)).body.unread).toBe(3);

    const marked = await callRoute(readRoute.POST, { method: "POST", body: { ids: [ids[0]] }, credentials: viewer });
    expect(marked).toMatchObject({ status: 200, body: { unread: 2 } });
    expect((await list(viewer)).body.notifications[0]?.readAt).toEqual(expect.any(String));
    const all = await callRoute(readRoute.POST, { method: "POST", body: { all: true }, credentials: viewer });
    expect(all.body).toEqual({ unread: 0 });

    // A member who leaves the organisation no longer sees its notifications.
    await db.membership.deleteMany({ where: { organizationId: world.org.id, userId: world.viewer.id } });
    expect((await list(viewer)).body.notifications).toEqual([]);
  });

  it("refuses a wrong page or marking with the field", async () => {
    const world = await setUp();
    const credentials = { cookie: await sessionCookie(world.viewer) };
    const badCursor = await callRoute(notificationsRoute.GET, {
      path: "/api/v1/notifications?cursor=ntf_nope",
      credentials,
    });
    expect(badCursor).toMatchObject({ status: 400, body: { error: { fields: { cursor: [expect.any(String)] } } } });
    for (const body of [{}, { ids: [] }, { ids: ["a"], all: true }, { all: false }]) {
      const refused = await callRoute(readRoute.POST, { method: "POST", body, credentials });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((refused.body as { error: { fields: object } }).error.fields)).not.toEqual([]);
    }
  });

  it("keeps each person's email choice per kind, over the defaults", async () => {
    const world = await setUp();
    const credentials = { cookie: await sessionCookie(world.viewer) };
    type TSettings = { emailAvailable: boolean; address: string; kinds: { kind: string; email: string }[] };
    const mode = (settings: TSettings, kind: string) => settings.kinds.find((item) => item.kind === kind)?.email;
    const before = (await callRoute(settingsRoute.GET, { credentials })).body as TSettings;
    // This file's server has no SMTP_URL.
    expect(before).toMatchObject({ emailAvailable: false, address: world.viewer.email });
    expect([mode(before, "mention"), mode(before, "flag.introduced")]).toEqual(["instant", "daily"]);

    const changed = await callRoute(settingsRoute.PATCH, {
      method: "PATCH",
      body: { email: { mention: "off", "flag.introduced": "instant" } },
      credentials,
    });
    expect(changed.status).toBe(200);
    const after = (await callRoute(settingsRoute.GET, { credentials })).body as TSettings;
    expect([mode(after, "mention"), mode(after, "flag.introduced"), mode(after, "term.ending")]).toEqual([
      "off",
      "instant",
      "daily",
    ]);

    const refused = await callRoute(settingsRoute.PATCH, {
      method: "PATCH",
      body: { email: { mention: "weekly", "no.such": "off" } },
      credentials,
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { fields: { "email.mention": [expect.stringContaining('"instant"')] } } },
    });
    expect(JSON.stringify(refused.body)).toContain("no.such");
  });
});
