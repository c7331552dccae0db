import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { createDuty } from "@/lib/server/duties/create-duty";
import { createSlot } from "@/lib/server/slots/create-slot";
import { createDraft } from "@/lib/server/drafts/drafts";
import { openEventStream } from "@/lib/server/live/open-event-stream";
import { createTeam } from "@/lib/server/teams/create-team";
import { deleteTeam } from "@/lib/server/teams/delete-team";
import { streamReader } from "@/lib/server/testing/event-stream";
import { createOrganization, createUser } from "@/prisma/factories";
import { deleteComment } from "./change-comment";
import { createComment } from "./create-comment";

async function setUp() {
  const manager = await createUser(db, { name: "Mia Manager" });
  const org = await createOrganization(db, { members: [{ userId: manager.id, role: "MANAGER" }] });
  const actor: TActor = { kind: "user", userId: manager.id, email: manager.email, name: manager.name };
  const team = await createTeam({ actor, orgSlug: org.slug, name: "Talk" });
  return { org, actor, team };
}

describe("comments", () => {
  it("are announced on the organisation's event stream as `comment` events, ids only", async () => {
    const { org, actor, team } = await setUp();
    const abort = new AbortController();
    const { readUntil, text } = streamReader(await openEventStream({ actor, orgSlug: org.slug, signal: abort.signal }));
    try {
      await readUntil("event: ready");
      const { thread } = await createComment({
        actor,
        orgSlug: org.slug,
        target: { kind: "team", teamId: team.id },
        body: "A secret only the thread should hold",
      });
      await readUntil(thread.id);
      expect(text()).toMatch(
        new RegExp(`event: comment\\ndata: \\{[^\\n]*"threadId":"${thread.id}"[^\\n]*"teamId":"${team.id}"`),
      );
      expect(text()).not.toContain("A secret");
    } finally {
      abort.abort();
    }
  });

  it("reach a draft's event stream when they are the draft's or its cells', and no other's", async () => {
    const { org, actor, team } = await setUp();
    await createSlot({ actor, orgSlug: org.slug, teamId: team.id, role: "PO", allocation: 1 });
    await createDuty({ actor, orgSlug: org.slug, name: "Vision", description: "", required: true });
    const { draft } = await createDraft({ actor, orgSlug: org.slug, name: "Plan" });
    const other = (await createDraft({ actor, orgSlug: org.slug, name: "Other" })).draft;
    const draftTeam = await db.team.findFirstOrThrow({
      where: { organization: { slug: draft.slug } },
      select: { id: true, slots: { select: { id: true } } },
    });
    const draftDuty = await db.duty.findFirstOrThrow({
      where: { organization: { slug: draft.slug } },
      select: { id: true },
    });
    const abort = new AbortController();
    const { readUntil, text } = streamReader(
      await openEventStream({ actor, orgSlug: draft.slug, signal: abort.signal }),
    );
    try {
      await readUntil("event: ready");
      const write = (target: Parameters<typeof createComment>[0]["target"]) =>
        createComment({ actor, orgSlug: org.slug, target, body: "Hm" }).then(({ thread }) => thread.id);
      const onLive = await write({ kind: "team", teamId: team.id });
      const onOther = await write({ kind: "draft", draftId: other.id });
      const onDraft = await write({ kind: "draft", draftId: draft.id });
      await readUntil(onDraft);
      const onDraftCell = await write({
        kind: "cell",
        draftId: draft.id,
        teamId: draftTeam.id,
        dutyId: draftDuty.id,
        slotId: draftTeam.slots[0]!.id,
      });
      await readUntil(onDraftCell);
      expect(text()).toMatch(
        new RegExp(`event: comment\\ndata: \\{[^\\n]*"threadId":"${onDraft}"[^\\n]*"draftId":"${draft.id}"`),
      );
      expect(text()).not.toContain(onLive);
      expect(text()).not.toContain(onOther);
    } finally {
      abort.abort();
    }
  });

  it("go with their thread when the last one is deleted, and with their team", async () => {
    const { org, actor, team } = await setUp();
    const first = await createComment({
      actor,
      orgSlug: org.slug,
      target: { kind: "team", teamId: team.id },
      body: "One",
    });
    await deleteComment({ actor, orgSlug: org.slug, commentId: first.comment.id });
    expect(await db.commentThread.findUnique({ where: { id: first.thread.id } })).toBeNull();

    const second = await createComment({
      actor,
      orgSlug: org.slug,
      target: { kind: "team", teamId: team.id },
      body: "Two",
    });
    await deleteTeam({ actor, orgSlug: org.slug, teamId: team.id });
    expect(await db.commentThread.findUnique({ where: { id: second.thread.id } })).toBeNull();
  });

  it("never lose a reply that races the deletion of the thread's last comment", async () => {
    const { org, actor, team } = await setUp();
    for (let round = 0; round < 5; round++) {
      const first = await createComment({
        actor,
        orgSlug: org.slug,
        target: { kind: "team", teamId: team.id },
        body: "Alone",
      });
      const [deleted, replied] = await Promise.allSettled([
        deleteComment({ actor, orgSlug: org.slug, commentId: first.comment.id }),
        createComment({ actor, orgSlug: org.slug, threadId: first.thread.id, body: "Me too" }),
      ]);
      expect(deleted.status).toBe("fulfilled");
      const left = await db.comment.count({ where: { threadId: first.thread.id } });
      if (replied.status === "fulfilled") expect(left).toBe(1);
      else {
        expect(replied.reason).toMatchObject({ code: "invalid_input" });
        expect(await db.commentThread.findUnique({ where: { id: first.thread.id } })).toBeNull();
      }
    }
  });
});
