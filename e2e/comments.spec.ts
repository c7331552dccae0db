// Issue 23, comments: threads on a team, a cell, a draft and a cell inside a draft, replies, @mentions (by email and
// by full name), edit and delete of one's own, resolve and reopen, Viewers allowed until the setting turns them off,
// and bad input refused with its fields and nothing written. Over HTTP against the production server; events are
// read in the database.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { createAccount } from "./fixtures/accounts";
import { callApi, type TApiAnswer } from "./fixtures/api-calls";
import { randomAddress, signInWithPassword } from "./fixtures/contract";

type TComment = { id: string; threadId: string; body: string; mentions: string[]; editedAt: string | null };
type TThread = {
  id: string;
  target: { kind: string; teamId: string | null; dutyId: string | null; slotId: string | null; draftId: string | null };
  status: "open" | "resolved";
  resolvedBy: { id: string | null; name: string } | null;
  comments: TComment[];
};

const PASSWORD = "correct horse battery staple";

/** An organisation with the demo map; Olga its Owner, Mia a Manager, Vic a Viewer; and another organisation. */
async function setUp(baseURL: string) {
  const signedIn = (user: { email: string; password: string }) =>
    signInWithPassword(baseURL, { email: user.email, password: user.password, address: randomAddress() });
  const { user: owner, organization } = await createAccount({ role: "OWNER", withMap: true });
  const member = async (name: string, role: "MANAGER" | "VIEWER") => {
    const user = await createUser(db, { name, password: PASSWORD });
    await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role } });
    return { ...user, password: PASSWORD };
  };
  const [mia, vic] = [await member("Mia Manager", "MANAGER"), await member("Vic Viewer", "VIEWER")];
  const { user: otherOwner, organization: other } = await createAccount({ role: "OWNER", withMap: true });
  const cookies = {
    owner: await signedIn(owner),
    mia: await signedIn(mia),
    vic: await signedIn(vic),
    other: await signedIn(otherOwner),
  };
  const callIn = (slug: string) => (cookie: string, method: string, path: string, body?: unknown) =>
    callApi(`${baseURL}/api/v1/orgs/${slug}${path}`, { label: `${method} ${path}`, method, cookie, body });
  const teams = await db.team.findMany({
    where: { organizationId: organization.id },
    orderBy: { key: "asc" },
    select: { id: true, key: true, name: true, slots: { select: { id: true, key: true }, orderBy: { order: "asc" } } },
  });
  const duty = await db.duty.findFirstOrThrow({
    where: { organizationId: organization.id },
    orderBy: { order: "asc" },
    select: { id: true, key: true },
  });
  return {
    organization,
    other,
    owner,
    mia,
    vic,
    cookies,
    teams,
    duty,
    call: callIn(organization.slug),
    callOther: callIn(other.slug),
  };
}

function expectStatus(answer: TApiAnswer, status: number) {
  expect(answer.status, `${answer.label}: ${JSON.stringify(answer.body).slice(0, 500)}`).toBe(status);
}
const fieldsOf = (answer: TApiAnswer) => (answer.body as { error: { fields?: Record<string, string[]> } }).error.fields;
const created = (answer: TApiAnswer) => {
  expectStatus(answer, 201);
  return answer.body as { comment: TComment; thread: TThread };
};
const eventsOf = (organizationId: string, kind: string) =>
  db.event.findMany({ where: { organizationId, kind }, select: { payload: true }, orderBy: { at: "asc" } });
const commentCount = (organizationId: string) => db.comment.count({ where: { organizationId } });

test("threads on a team, a cell and a draft: replies, mentions, edits, resolve and reopen", async ({ baseURL }) => {
  const world = await setUp(baseURL!);
  const { organization, cookies, call } = world;
  const [team] = world.teams;
  const slot = team!.slots[0]!;

  // A thread on the team, mentioning Mia by email and Vic by full name (in other letters' case).
  const onTeam = created(
    await call(cookies.owner, "POST", "/comments", {
      target: { kind: "team", teamId: team!.id },
      body: `@${world.mia.email.toUpperCase()} and @vic viewer: who runs the on-call here? <b>not bold</b>`,
    }),
  );
  expect(onTeam.comment.mentions.sort()).toEqual([world.mia.id, world.vic.id].sort());
  expect(onTeam.comment.body).toContain("<b>not bold</b>");
  const mentions = await eventsOf(organization.id, "mention");
  expect(
    mentions.map(({ payload }) => (payload as { details: { mentioned: { id: string } } }).details.mentioned.id).sort(),
  ).toEqual([world.mia.id, world.vic.id].sort());
  const [createdEvent] = await eventsOf(organization.id, "comment.created");
  expect(createdEvent!.payload).toMatchObject({
    team: { id: team!.id, key: team!.key, name: team!.name },
    draft: null,
    url: expect.stringContaining(`/${organization.slug}/teams/${team!.id}`),
    details: { threadId: onTeam.thread.id, commentId: onTeam.comment.id },
  });

  // Mia replies; a Viewer may comment too while the setting allows it.
  const reply = created(await call(cookies.mia, "POST", "/comments", { threadId: onTeam.thread.id, body: "I do." }));
  expect(reply.thread.comments.map((comment) => comment.body)).toEqual([onTeam.comment.body, "I do."]);
  created(await call(cookies.vic, "POST", "/comments", { threadId: onTeam.thread.id, body: "Thanks!" }));

  // A thread on a cell: the payload names the team, duty and slot.
  const onCell = created(
    await call(cookies.mia, "POST", "/comments", {
      target: { kind: "cell", teamId: team!.id, dutyId: world.duty.id, slotId: slot.id },
      body: "Accountable, really?",
    }),
  );
  const cellEvent = (await eventsOf(organization.id, "comment.created")).at(-1)!;
  expect(cellEvent.payload).toMatchObject({
    team: { id: team!.id },
    duty: { id: world.duty.id, key: world.duty.key },
    slot: { id: slot.id, key: slot.key },
  });

  // A draft, and a cell inside it (the draft's own ids), linked to the draft's comparison.
  const draftAnswer = await call(cookies.mia, "POST", "/drafts", { name: "Q3 plan" });
  expectStatus(draftAnswer, 201);
  const draft = (draftAnswer.body as { draft: { id: string; slug: string } }).draft;
  const onDraft = created(
    await call(cookies.owner, "POST", "/comments", { target: { kind: "draft", draftId: draft.id }, body: "Go?" }),
  );
  expect((await eventsOf(organization.id, "comment.created")).at(-1)!.payload).toMatchObject({
    draft: { id: draft.id, name: "Q3 plan" },
    url: expect.stringContaining(`/${organization.slug}/drafts/${draft.id}/compare`),
  });
  const draftTeam = await db.team.findFirstOrThrow({
    where: { organization: { slug: draft.slug }, key: team!.key },
    select: { id: true, slots: { select: { id: true }, orderBy: { order: "asc" } } },
  });
  const draftDuty = await db.duty.findFirstOrThrow({
    where: { organization: { slug: draft.slug }, key: world.duty.key },
    select: { id: true },
  });
  const onDraftCell = created(
    await call(cookies.owner, "POST", "/comments", {
      target: {
        kind: "cell",
        draftId: draft.id,
        teamId: draftTeam.id,
        dutyId: draftDuty.id,
        slotId: draftTeam.slots[0]!.id,
      },
      body: "Moved on purpose.",
    }),
  );

  // Listing: newest activity first; by team, by draft.
  const all = await call(cookies.vic, "GET", "/comments");
  expectStatus(all, 200);
  expect((all.body as { threads: TThread[] }).threads.map((thread) => thread.id)).toEqual([
    onDraftCell.thread.id,
    onDraft.thread.id,
    onCell.thread.id,
    onTeam.thread.id,
  ]);
  const ofTeam = await call(cookies.vic, "GET", `/comments?teamId=${team!.id}`);
  expect((ofTeam.body as { threads: TThread[] }).threads.map((thread) => thread.id)).toEqual([
    onCell.thread.id,
    onTeam.thread.id,
  ]);
  const ofDraft = await call(cookies.vic, "GET", `/comments?draftId=${draft.id}`);
  expect((ofDraft.body as { threads: TThread[] }).threads.map((thread) => thread.id)).toEqual([
    onDraftCell.thread.id,
    onDraft.thread.id,
  ]);

  // Edit and delete one's own; another's is refused (403) and unchanged.
  const edited = await call(cookies.mia, "PATCH", `/comments/${reply.comment.id}`, { body: "I do, @Olga? No." });
  expectStatus(edited, 200);
  expect((edited.body as { comment: TComment }).comment.editedAt).not.toBeNull();
  expectStatus(await call(cookies.owner, "PATCH", `/comments/${reply.comment.id}`, { body: "Mine now." }), 403);
  expectStatus(await call(cookies.owner, "DELETE", `/comments/${reply.comment.id}`), 403);
  expect(await db.comment.findUniqueOrThrow({ where: { id: reply.comment.id }, select: { body: true } })).toEqual({
    body: "I do, @Olga? No.",
  });
  expectStatus(await call(cookies.mia, "DELETE", `/comments/${reply.comment.id}`), 204);
  expect(await db.comment.findUnique({ where: { id: reply.comment.id } })).toBeNull();

  // Resolve and reopen: the thread's author and Managers may; a Viewer who did not start it may not.
  expectStatus(await call(cookies.vic, "POST", `/comments/${onTeam.comment.id}/resolve`), 403);
  const resolved = await call(cookies.mia, "POST", `/comments/${onTeam.comment.id}/resolve`);
  expectStatus(resolved, 200);
  expect((resolved.body as { thread: TThread }).thread).toMatchObject({
    status: "resolved",
    resolvedBy: { id: world.mia.id, name: "Mia Manager" },
  });
  const reopened = await call(cookies.owner, "POST", `/comments/${onTeam.comment.id}/reopen`);
  expectStatus(reopened, 200);
  expect((reopened.body as { thread: TThread }).thread).toMatchObject({ status: "open", resolvedBy: null });
});

test("Viewers may comment until the setting is turned off", async ({ baseURL }) => {
  const { organization, cookies, call, teams } = await setUp(baseURL!);
  const target = { kind: "team", teamId: teams[0]!.id };
  created(await call(cookies.vic, "POST", "/comments", { target, body: "May I?" }));
  expectStatus(await call(cookies.owner, "PATCH", "/settings", { viewersMayComment: false }), 200);
  const before = await commentCount(organization.id);
  const refused = await call(cookies.vic, "POST", "/comments", { target, body: "And now?" });
  expectStatus(refused, 403);
  expect((refused.body as { error: { message: string } }).error.message).toContain("turned off comments by Viewers");
  expect(await commentCount(organization.id)).toBe(before);
  // Reading stays open to them.
  expectStatus(await call(cookies.vic, "GET", "/comments"), 200);
});

test("bad input is refused with its fields and writes nothing; another organisation's comments are not found", async ({
  baseURL,
}) => {
  const world = await setUp(baseURL!);
  const { organization, cookies, call, teams } = world;
  const [first, second] = teams;
  const otherDraftAnswer = await world.callOther(cookies.other, "POST", "/drafts", { name: "Theirs" });
  expectStatus(otherDraftAnswer, 201);
  const otherDraft = (otherDraftAnswer.body as { draft: { id: string } }).draft;
  const cases: { body: unknown; field: string }[] = [
    { body: { target: { kind: "team", teamId: "no-such-team" }, body: "Hm" }, field: "target.teamId" },
    {
      body: {
        target: { kind: "cell", teamId: first!.id, dutyId: world.duty.id, slotId: second!.slots[0]!.id },
        body: "Hm",
      },
      field: "target.slotId",
    },
    { body: { target: { kind: "team", teamId: first!.id }, body: "   " }, field: "body" },
    { body: { target: { kind: "team", teamId: first!.id }, body: "x".repeat(5001) }, field: "body" },
    { body: { target: { kind: "team", teamId: first!.id }, body: "a\u0000b" }, field: "body" },
    { body: { target: { kind: "draft", draftId: otherDraft.id }, body: "Hm" }, field: "target.draftId" },
    { body: { body: "Hm" }, field: "target" },
  ];
  const before = await commentCount(organization.id);
  for (const { body, field } of cases) {
    const answer = await call(cookies.owner, "POST", "/comments", body);
    expectStatus(answer, 400);
    expect(Object.keys(fieldsOf(answer) ?? {}), answer.label).toContain(field);
  }
  expect(await commentCount(organization.id)).toBe(before);
  expect(await db.commentThread.count({ where: { organizationId: organization.id } })).toBe(0);

  // Their comment: 404 for every call on it from here, and unchanged.
  const theirs = created(
    await world.callOther(cookies.other, "POST", "/comments", {
      target: { kind: "draft", draftId: otherDraft.id },
      body: "Ours.",
    }),
  );
  for (const [method, path, body] of [
    ["PATCH", `/comments/${theirs.comment.id}`, { body: "Taken." }],
    ["DELETE", `/comments/${theirs.comment.id}`, undefined],
    ["POST", `/comments/${theirs.comment.id}/resolve`, undefined],
    ["POST", `/comments/${theirs.comment.id}/reopen`, undefined],
  ] as const) {
    expectStatus(await call(cookies.owner, method, path, body), 404);
  }
  expect(await db.comment.findUniqueOrThrow({ where: { id: theirs.comment.id }, select: { body: true } })).toEqual({
    body: "Ours.",
  });
  // A reply to their thread is refused as input.
  const reply = await call(cookies.owner, "POST", "/comments", { threadId: theirs.thread.id, body: "Hi" });
  expectStatus(reply, 400);
  expect(Object.keys(fieldsOf(reply) ?? {})).toContain("threadId");
});
