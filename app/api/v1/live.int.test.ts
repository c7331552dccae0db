import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TChangeEvent, TLiveEvent } from "@/lib/domain/live-event";
import type { TRaciLevel } from "@/lib/domain/model";
import type { TActor } from "@/lib/server/auth/actor";
import { rememberingAccess } from "@/lib/server/auth/authorize";
import { setAssignment } from "@/lib/server/assignments/set-assignment";
import { createTeam } from "@/lib/server/teams/create-team";
import { removeMember } from "@/lib/server/members/remove-member";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { verifyApiToken } from "@/lib/server/auth/verify-api-token";
import { createApiTokenFor, createOrganization, createUser } from "@/prisma/factories";
import { liveBus } from "@/lib/server/kernel/live-bus";
import { openEventStream } from "@/lib/server/live/open-event-stream";
import { streamReader } from "@/lib/server/testing/event-stream";

async function setup() {
  const manager = await createUser(db, { name: "Mia Manager" });
  const org = await createOrganization(db, { members: [{ userId: manager.id, role: "MANAGER" }] });
  const actor: TActor = { kind: "user", userId: manager.id, email: manager.email, name: manager.name };
  const team = await createTeam({ actor, orgSlug: org.slug, name: "Stress" });
  const duties = await db.duty.findMany({ where: { organizationId: org.id }, select: { id: true } });
  return { org, actor, team, duties: duties.map((duty) => duty.id), slots: team.slots.map((slot) => slot.id) };
}

/** Waits until `condition` holds, checking every few milliseconds; fails after `ms`. */
async function waitFor(condition: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("live events", () => {
  it("announce committed cell changes, and only those", async () => {
    const { org, actor, team, duties, slots } = await setup();
    const received: TLiveEvent[] = [];
    const unsubscribe = await liveBus.subscribe(org.id, (event) => received.push(event));
    try {
      const set = await setAssignment({
        actor,
        orgSlug: org.slug,
        teamId: team.id,
        dutyId: duties[0]!,
        slotId: slots[0]!,
        level: "accountable",
        version: 0,
      });
      expect(set.ok).toBe(true);
      const refused = await setAssignment({
        actor,
        orgSlug: org.slug,
        teamId: team.id,
        dutyId: duties[0]!,
        slotId: slots[0]!,
        level: "informed",
        version: 0,
      });
      expect(refused.ok).toBe(false);
      await waitFor(() => received.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        type: "change",
        entity: "assignment",
        cell: { dutyId: duties[0], slotId: slots[0], level: "accountable", version: 1 },
        actor: { name: "Mia Manager" },
      });
    } finally {
      unsubscribe();
    }
  });

  it("stream them as Server-Sent Events to members only", async () => {
    const { org, actor, team, duties, slots } = await setup();
    const abort = new AbortController();
    const stream = await openEventStream({ actor, orgSlug: org.slug, signal: abort.signal });
    const { readUntil, text } = streamReader(stream);
    await readUntil("event: ready");
    await setAssignment({
      actor,
      orgSlug: org.slug,
      teamId: team.id,
      dutyId: duties[1]!,
      slotId: slots[1]!,
      level: "responsible",
    });
    await readUntil('"level":"responsible"');
    expect(text()).toMatch(/event: change\ndata: \{[^\n]*"level":"responsible"/);
    abort.abort();

    const outsider = await createUser(db);
    await expect(
      openEventStream({
        actor: { kind: "user", userId: outsider.id, email: outsider.email, name: outsider.name },
        orgSlug: org.slug,
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it(
    "close the stream of a client gone while it was opening, so that it hears nothing more",
    { timeout: 10_000 },
    async () => {
      const { org, actor } = await setup();
      // Gone before the stream subscribed: the abort came before anyone listened for it.
      const abort = new AbortController();
      const opening = openEventStream({ actor, orgSlug: org.slug, signal: abort.signal });
      abort.abort();
      // The stream ends (left open, this read would wait for ever and the test time out), having sent nothing.
      const { reader } = streamReader(await opening);
      const chunks: Uint8Array[] = [];
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
      expect(chunks).toEqual([]);
    },
  );

  it("cut off a member removed from the organisation, found by the heartbeat when nobody announced it", async () => {
    const { org, actor } = await setup();
    const owner = await createUser(db);
    await db.membership.create({ data: { organizationId: org.id, userId: owner.id, role: "OWNER" } });
    // Opened as the route opens it, inside the request's memo of accesses: the stream outlives the request, and its
    // heartbeat must ask the gate afresh.
    const stream = await rememberingAccess(() =>
      openEventStream({ actor, orgSlug: org.slug, signal: new AbortController().signal, heartbeatMs: 100 }),
    );
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    await db.membership.deleteMany({
      where: { organizationId: org.id, userId: actor.kind === "user" ? actor.userId : "" },
    });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain("event: revoked");
  });

  it("cut off at once a removed member and a revoked token, and tell nobody else", async () => {
    const { org, actor } = await setup();
    const owner = await createUser(db, { name: "Olga Owner" });
    await db.membership.create({ data: { organizationId: org.id, userId: owner.id, role: "OWNER" } });
    const ownerActor: TActor = { kind: "user", userId: owner.id, email: owner.email, name: owner.name };
    const token = await createApiTokenFor(db, { organizationId: org.id, createdById: owner.id, role: "VIEWER" });
    const tokenActor = await verifyApiToken({ secret: token.secret });
    // A heartbeat far away: only the announcement can cut these streams within the test.
    const open = async (who: TActor) => {
      const stream = await openEventStream({
        actor: who,
        orgSlug: org.slug,
        signal: new AbortController().signal,
        heartbeatMs: 600_000,
      });
      const reader = stream.getReader();
      const decoder = new TextDecoder();
      const read = { text: "", isDone: false };
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return void (read.isDone = true);
          read.text += decoder.decode(value);
        }
      })();
      return read;
    };
    const [member, bot, bystander] = await Promise.all([open(actor), open(tokenActor), open(ownerActor)]);
    await waitFor(() => [member, bot, bystander].every((read) => read.text.includes("event: ready")));

    await removeMember({ actor: ownerActor, orgSlug: org.slug, userId: actor.kind === "user" ? actor.userId : "" });
    await revokeApiToken({ actor: ownerActor, orgSlug: org.slug, tokenId: token.id });
    await waitFor(() => member.isDone && bot.isDone, 5_000);
    expect(member.text).toContain("event: revoked");
    expect(bot.text).toContain("event: revoked");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bystander.isDone).toBe(false);
    expect(bystander.text).not.toContain("event: access");
    expect(bystander.text).not.toContain("event: revoked");
  });

  it("lose nothing when 20 clients make 1,000 concurrent edits with versions", async () => {
    const { org, actor, team, duties, slots } = await setup();
    const cells = duties.slice(0, 4).flatMap((dutyId) => slots.map((slotId) => ({ dutyId, slotId })));
    const levels: (TRaciLevel | null)[] = ["accountable", "responsible", "consulted", "informed", null];
    type TView = Map<string, { level: TRaciLevel | null; version: number }>;
    const keyOf = (cell: { dutyId: string; slotId: string }) => `${cell.dutyId}:${cell.slotId}`;

    // Each client keeps its own view of the cells, fed only by the live events.
    const views: TView[] = Array.from({ length: 20 }, () => new Map());
    const unsubscribes = await Promise.all(
      views.map((view) =>
        liveBus.subscribe(org.id, (event) => {
          const cell = (event as TChangeEvent).cell;
          if (!cell) return;
          // Notifications arrive in commit order, so the latest event is the cell's state.
          view.set(keyOf(cell), { level: cell.level, version: cell.version });
        }),
      ),
    );
    const accepted: { key: string; level: TRaciLevel | null; version: number }[] = [];
    let refused = 0;
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    try {
      await Promise.all(
        views.map(async (view) => {
          for (let edit = 0; edit < 50; edit++) {
            const cell = cells[random(cells.length)]!;
            const level = levels[random(levels.length)]!;
            const version = view.get(keyOf(cell))?.version ?? 0;
            const result = await setAssignment({ actor, orgSlug: org.slug, teamId: team.id, ...cell, level, version });
            if (result.ok)
              accepted.push({ key: keyOf(cell), level: result.assignment.level, version: result.assignment.version });
            else refused++;
          }
        }),
      );
      expect(refused).toBeGreaterThan(0);

      const stored = await db.assignment.findMany({
        where: { organizationId: org.id },
        select: { dutyId: true, slotId: true, level: true, version: true },
      });
      const database = new Map(stored.map((row) => [keyOf(row), { level: row.level, version: row.version }]));
      // The database holds, for each cell, the last accepted write (in the order the server accepted them).
      const last = new Map<string, { level: TRaciLevel | null; version: number }>();
      for (const write of accepted) last.set(write.key, { level: write.level, version: write.version });
      for (const cell of cells) {
        const expected = last.get(keyOf(cell));
        const actual = database.get(keyOf(cell));
        expect(actual?.level ?? null, keyOf(cell)).toBe(expected?.level ?? null);
      }
      // Every client's view, built only from events, ends equal to the database.
      await waitFor(() =>
        views.every((view) =>
          cells.every((cell) => (view.get(keyOf(cell))?.level ?? null) === (database.get(keyOf(cell))?.level ?? null)),
        ),
      );
    } finally {
      for (const unsubscribe of unsubscribes) unsubscribe();
    }
  }, 120_000);
});
