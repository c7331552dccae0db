import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TRuleFlag } from "@/lib/domain/analyze-map";
import type { TEventData } from "@/lib/domain/events";
import { generateMap, mulberry32 } from "@/lib/domain/generate-map";
import { flagKey } from "@/lib/domain/map-compare";
import { mapToDocument } from "@/lib/domain/map-document";
import { RULE_IDS, resolveRules } from "@/lib/domain/rules";
import { ensureJobQueue } from "@/lib/server/jobs/job-queue";
import { callApi, createMapWorld } from "@/lib/server/testing/map-world";
import { createPerson, createTeam } from "@/prisma/factories";
import { emitFlagEvents, judgeFlagEvents, queueStrandedFlagEvents } from "./flag-events";

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

  it("judges what a change touches, a part at a time, exactly as the whole map would, over random changes of every kind", async () => {
    const w = await world();
    const slug = w.org.slug;
    const random = mulberry32(20261209);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    // Parts of 3 teams, as a large map's are of 50: people who hold slots in several parts are judged across them.
    const map = generateMap({ teams: 12, seed: 9, peoplePerTeam: 2 });
    const everyRuleOn = resolveRules(RULE_IDS.map((id) => ({ id, severity: "on" as const })));
    const imported = await callApi("PUT /api/v1/orgs/[orgSlug]/map", {
      params: { orgSlug: slug },
      as: w.as.editor,
      body: mapToDocument(map, everyRuleOn),
    });
    expect(imported.status).toBe(200);
    await emitFlagEvents.run({ organizationId: w.org.id });

    const flagKeys = async () => {
      const answer = await callApi<{ flags: TRuleFlag[] }>("GET /api/v1/orgs/[orgSlug]/analysis", {
        params: { orgSlug: slug },
        as: w.as.viewer,
      });
      expect(answer.status).toBe(200);
      return new Set(answer.body.flags.map(flagKey));
    };
    // The rows the writes pick from, kept as the writes leave them; a few people take most slots, so that
    // overloads and spreads come and go.
    let teams = map.teams.map((team) => ({
      key: team.key,
      slots: map.slots.filter((slot) => slot.teamId === team.id).map((slot) => slot.key),
    }));
    let people = map.people.slice(0, 5).map((person) => person.key);
    const duties = map.duties.map((duty) => duty.key);
    const write = async () => {
      const team = pick(teams);
      const slotId = team.slots.length > 0 ? pick(team.slots) : undefined;
      const roll = random();
      const call = (route: string, params: Record<string, string>, body?: unknown) =>
        callApi(route, { params: { orgSlug: slug, teamId: team.key, ...params }, as: w.as.editor, body });
      const slotRoute = "/api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]";
      let answer;
      if (slotId === undefined || roll < 0.45) {
        if (slotId === undefined) return;
        const level = pick(["accountable", "accountable", "responsible", "consulted", "informed", null]);
        answer = await call(CELL, {}, { dutyId: pick(duties), slotId, level });
      } else if (roll < 0.7) {
        answer = await call(`PATCH ${slotRoute}`, { slotId }, { holderId: random() < 0.2 ? null : pick(people) });
      } else if (roll < 0.82) {
        answer = await call(`PATCH ${slotRoute}`, { slotId }, { allocation: pick([0.25, 0.5, 1]) });
      } else if (roll < 0.92) {
        answer = await call(
          "PATCH /api/v1/orgs/[orgSlug]/people/[personId]",
          { personId: pick(people) },
          { capacity: pick([0.5, 1, 1.5]) },
        );
      } else if (roll < 0.96) {
        answer = await call(`DELETE ${slotRoute}`, { slotId });
        team.slots = team.slots.filter((key) => key !== slotId);
      } else if (roll < 0.98 && teams.length > 3) {
        answer = await call("DELETE /api/v1/orgs/[orgSlug]/teams/[teamId]", {});
        teams = teams.filter((entry) => entry !== team);
      } else if (people.length > 3) {
        const personId = pick(people);
        answer = await call("DELETE /api/v1/orgs/[orgSlug]/people/[personId]", { personId });
        people = people.filter((key) => key !== personId);
      } else return;
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    };

    // A duty that turns required or not: any team's flags can change.
    let required = map.duties[0]!.required;
    const toggleDuty = async () => {
      required = !required;
      const answer = await callApi("PATCH /api/v1/orgs/[orgSlug]/duties/[dutyId]", {
        params: { orgSlug: slug, dutyId: map.duties[0]!.key },
        as: w.as.editor,
        body: { required },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    };

    let known = await flagKeys();
    let seen = (await w.flagEvents()).length;
    // Rounds of a few changes (each judged alone) and bursts (judged as one).
    for (const [round, writes] of [1, 3, 2, 12, 1, 5, 10, 2, 3, 14, 1, 4].entries()) {
      for (let n = 0; n < writes; n++) await write();
      if (round % 4 === 1) await toggleDuty();
      await judgeFlagEvents(w.org.id, 3);
      const events = (await w.flagEvents()).slice(seen);
      seen += events.length;
      const net = new Map<string, number>();
      for (const event of events) {
        net.set(event.flag!.key, (net.get(event.flag!.key) ?? 0) + (event.kind === "flag.introduced" ? 1 : -1));
      }
      const now = await flagKeys();
      const expected = new Map<string, number>();
      for (const key of new Set([...known, ...now])) {
        const change = (now.has(key) ? 1 : 0) - (known.has(key) ? 1 : 0);
        if (change !== 0) expected.set(key, change);
      }
      expect(new Map([...net].filter(([, change]) => change !== 0))).toEqual(expected);
      known = now;
    }
  });

  it("judges a person in the part of a team they hold today, with the teams they held before the change", async () => {
    const w = await world();
    const person = await createPerson(db, { organizationId: w.org.id, name: "Xena Two-Teams", capacity: 1 });
    const slot = (key: string, role: string, allocation: number) => ({
      key,
      role,
      order: 0,
      holderId: person.id,
      allocation,
    });
    await createTeam(db, { organizationId: w.org.id, name: "Alpha", key: "alpha", slots: [slot("po", "PO", 0.5)] });
    await createTeam(db, { organizationId: w.org.id, name: "Beta", key: "beta", slots: [slot("pm", "PM", 0.6)] });
    await emitFlagEvents.run({ organizationId: w.org.id });
    const before = (await w.flagEvents()).length;
    // Beta's slot is vacated: she holds Alpha's alone now, and Beta is judged in another part of one team.
    const vacated = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]", {
      params: { orgSlug: w.org.slug, teamId: "beta", slotId: "pm" },
      as: w.as.editor,
      body: { holderId: null },
    });
    expect(vacated.status).toBe(200);
    await judgeFlagEvents(w.org.id, 1);
    const added = (await w.flagEvents()).slice(before);
    expect(added).toContainEqual(
      expect.objectContaining({
        kind: "flag.resolved",
        flag: expect.objectContaining({ kind: "overloaded_person" }),
        person: expect.objectContaining({ name: "Xena Two-Teams" }),
      }),
    );
  });
});
