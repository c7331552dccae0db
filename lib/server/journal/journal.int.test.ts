import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import type { TRemitMap } from "@/lib/domain/model";
import { setJournalContext, writingAt } from "@/lib/server/kernel/journal-context";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { sortedMap } from "@/lib/server/testing/sorted-map";
import { createPerson, createTeam } from "@/prisma/factories";

const ASSIGNMENTS = "PUT /api/v1/orgs/[orgSlug]/teams/[teamId]/assignments";
const JOURNAL = "GET /api/v1/orgs/[orgSlug]/journal";
const UNDO = "POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo";
const STATE = "GET /api/v1/orgs/[orgSlug]/state";
const OVERVIEW = "GET /api/v1/orgs/[orgSlug]/overview";
const RESTORE = "POST /api/v1/orgs/[orgSlug]/teams/[teamId]/restore";
const TEAM = "DELETE /api/v1/orgs/[orgSlug]/teams/[teamId]";
const SLOT = "PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]";
const SLOTS = "POST /api/v1/orgs/[orgSlug]/teams/[teamId]/slots";

type TUndoRefusal = { error: { code: string; message: string }; conflicts: TJournalGroupView[] };

async function teamWithDuty(world: TMapWorld) {
  const team = await createTeam(db, { organizationId: world.org.id, name: "Checkout" });
  const duty = await db.duty.findFirstOrThrow({ where: { organizationId: world.org.id, key: "roadmap" } });
  return { team, duty, po: team.slots[0]!, pm: team.slots[1]! };
}

function cellWriter(world: TMapWorld, teamId: string, dutyId: string) {
  return async (slotId: string, level: string | null) => {
    const answer = await callApi(ASSIGNMENTS, {
      params: { orgSlug: world.org.slug, teamId },
      as: world.as.editor,
      body: { dutyId, slotId, level },
    });
    expect(answer.status).toBe(200);
  };
}

const journal = (world: TMapWorld, query: Record<string, string> = {}) =>
  callApi<TJournalPage>(JOURNAL, { params: { orgSlug: world.org.slug }, query, as: world.as.viewer });

const undo = (world: TMapWorld, entryId: string) =>
  callApi<{ group: TJournalGroupView }>(UNDO, { params: { orgSlug: world.org.slug, entryId }, as: world.as.editor });

async function state(world: TMapWorld, query: Record<string, string> = {}): Promise<TRemitMap> {
  const answer = await callApi<{ map: TRemitMap }>(STATE, {
    params: { orgSlug: world.org.slug },
    query,
    as: world.as.viewer,
  });
  expect(answer.status).toBe(200);
  return answer.body.map;
}

/** A map in a stable order, without cell versions (an undo brings a cell back at a newer version). */
function comparable(map: TRemitMap) {
  const sorted = sortedMap(map);
  return { ...sorted, assignments: sorted.assignments.map(({ version: _version, ...cell }) => cell) };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("the journal", () => {
  it("dates a use case's entries at the moment writingAt names, and every other write at its transaction's start", async () => {
    const world = await createMapWorld();
    const { team, duty, po, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    const lastYear = new Date("2025-12-06T09:30:00.000Z");
    await writingAt(lastYear, () => set(pm.id, "accountable"));
    const before = Date.now();
    await set(po.id, "consulted");

    const entries = await db.journalEntry.findMany({
      where: { organizationId: world.org.id, entity: "assignment" },
      orderBy: { id: "asc" },
      select: { at: true },
    });
    expect(entries).toHaveLength(2);
    expect(entries[0]!.at.toISOString()).toBe(lastYear.toISOString());
    expect(entries[1]!.at.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("tells who changed which cell, in words, newest first, with filters and pages", async () => {
    const world = await createMapWorld();
    const { team, duty, po, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    await set(pm.id, "accountable");
    await set(po.id, "consulted");

    const page = await journal(world, { teamId: team.id, kind: "assignment" });
    expect(page.status).toBe(200);
    expect(page.body.groups.map((group) => group.sentence)).toEqual([
      "Edith Editor made the PO consulted on “Roadmap prioritisation” in “Checkout”",
      "Edith Editor made the PM accountable for “Roadmap prioritisation” in “Checkout”",
    ]);
    expect(page.body.groups[0]!.actor).toMatchObject({ kind: "user", name: "Edith Editor" });

    const first = await journal(world, { teamId: team.key, limit: "1" });
    expect(first.body.groups).toHaveLength(1);
    const second = await journal(world, { teamId: team.key, limit: "1", cursor: first.body.nextCursor! });
    expect(second.body.groups[0]!.sentence).toContain("made the PM accountable");

    expect((await journal(world, { kind: "person" })).body.groups).toEqual([]);
    expect((await journal(world, { from: new Date(Date.now() + 60_000).toISOString() })).body.groups).toEqual([]);
    const bad = await journal(world, { limit: "0", kind: "planet" });
    expect(bad.status).toBe(400);
  });

  it("keeps what happened in another organisation out", async () => {
    const world = await createMapWorld();
    const other = await createTeam(db, { organizationId: world.other.id, name: "Elsewhere" });
    const page = await journal(world, { teamId: other.id });
    expect(page.body.groups).toEqual([]);
    const [entry] = await db.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM journal_entry WHERE organization_id = ${world.other.id} ORDER BY id DESC LIMIT 1`;
    expect((await undo(world, String(entry!.id))).status).toBe(404);
  });

  it("is append-only, and refuses a change to the map that does not name its writer", async () => {
    const world = await createMapWorld();
    await expect(
      db.$executeRaw`UPDATE journal_entry SET actor_name = 'x' WHERE organization_id = ${world.org.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM journal_entry WHERE organization_id = ${world.org.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`UPDATE duty SET name = 'x' WHERE organization_id = ${world.org.id}`).rejects.toThrow(
      /without a journal context/,
    );
  });
});

describe("undo", () => {
  it("puts a cell back, is itself an entry, cannot run twice, and can be undone (redo)", async () => {
    const world = await createMapWorld();
    const { team, duty, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    await set(pm.id, "responsible");
    await set(pm.id, "accountable");
    const [latest] = (await journal(world)).body.groups;

    const undone = await undo(world, latest!.groupId);
    expect(undone.status).toBe(200);
    expect(undone.body.group.undoesGroupId).toBe(latest!.groupId);
    expect(undone.body.group.sentence).toBe(
      "Edith Editor undid “Edith Editor made the PM accountable for “Roadmap prioritisation” in “Checkout””",
    );
    const cell = await db.assignment.findFirstOrThrow({ where: { slotId: pm.id, dutyId: duty.id } });
    expect(cell.level).toBe("responsible");

    const again = await undo(world, latest!.groupId);
    expect(again.status).toBe(409);
    expect((again.body as unknown as TUndoRefusal).error.message).toMatch(/undone already/);
    expect((await journal(world)).body.groups[1]!.undoneBy?.groupId).toBe(undone.body.group.groupId);

    expect((await undo(world, undone.body.group.groupId)).status).toBe(200);
    expect((await db.assignment.findFirstOrThrow({ where: { slotId: pm.id, dutyId: duty.id } })).level).toBe(
      "accountable",
    );
  });

  it("refuses when a later change touched the same cell, lists it, and changes nothing", async () => {
    const world = await createMapWorld();
    const { team, duty, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    await set(pm.id, "responsible");
    const [earlier] = (await journal(world)).body.groups;
    await set(pm.id, "informed");
    const before = await state(world);

    const refused = await undo(world, earlier!.entries[0]!.seq);
    expect(refused.status).toBe(409);
    const body = refused.body as unknown as TUndoRefusal;
    expect(body.error.message).toMatch(/Later changes/);
    expect(body.conflicts.map((group) => group.sentence)).toEqual([
      "Edith Editor made the PM informed about “Roadmap prioritisation” in “Checkout”",
    ]);
    expect(await state(world)).toEqual(before);
  });

  it("lists the newest 20 of many later changes in the way, however many there are", async () => {
    const world = await createMapWorld();
    const { team, duty, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    await set(pm.id, "responsible");
    const [earlier] = (await journal(world)).body.groups;
    const levels = ["informed", "consulted"];
    for (let index = 0; index < 24; index++) await set(pm.id, levels[index % 2]!);
    const newest = (await journal(world, { limit: "20" })).body.groups.map((group) => group.groupId);

    const refused = await undo(world, earlier!.entries[0]!.seq);
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as TUndoRefusal).conflicts.map((group) => group.groupId)).toEqual(newest);
  });

  it("brings back a deleted team with its slots and cells, as one action", async () => {
    const world = await createMapWorld();
    const { team, duty, po, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    await set(po.id, "accountable");
    await set(pm.id, "responsible");
    const before = comparable(await state(world));

    const deleted = await callApi(TEAM, { params: { orgSlug: world.org.slug, teamId: team.id }, as: world.as.editor });
    expect(deleted.status).toBe(200);
    const [deletion] = (await journal(world)).body.groups;
    expect(deletion!.sentence).toBe("Edith Editor deleted the team “Checkout”, with 4 other changes");
    expect(deletion!.entryCount).toBe(5);

    expect((await undo(world, deletion!.groupId)).status).toBe(200);
    expect(comparable(await state(world))).toEqual(before);
  });

  it("names a large deletion by the deleted row, though that row comes after the first 50 of its changes", async () => {
    const world = await createMapWorld();
    const { team } = await teamWithDuty(world);
    const person = await createPerson(db, { organizationId: world.org.id, name: "Pat Many" });
    const params = { orgSlug: world.org.slug, teamId: team.id };
    const held = 55;
    for (let index = 0; index < held; index++) {
      const body = { role: "Engineer", holderId: person.id, allocation: 0.01 };
      expect((await callApi(SLOTS, { params, as: world.as.editor, body })).status).toBe(201);
    }
    // One action that vacates the slots first and deletes the person last: its own row comes after 50 others.
    await db.$transaction(async (tx) => {
      await setJournalContext(tx, { actor: "system", action: "person.delete" });
      await tx.slot.updateMany({ where: { holderId: person.id }, data: { holderId: null } });
      await tx.person.delete({ where: { id: person.id } });
    });
    const [deletion] = (await journal(world)).body.groups;
    const order = await db.journalEntry.findMany({
      where: { organizationId: world.org.id, groupId: deletion!.groupId },
      orderBy: { id: "asc" },
      select: { entity: true },
    });
    expect(order.findIndex((entry) => entry.entity === "person")).toBe(held);
    expect(deletion!.sentence).toBe(`Remit removed “Pat Many”, with ${held} other changes`);
    expect(deletion!.entryCount).toBe(held + 1);
    expect(deletion!.entries).toHaveLength(50);
  });

  it("refuses to undo a person's creation once a slot was given to them since", async () => {
    const world = await createMapWorld();
    const { team, pm } = await teamWithDuty(world);
    const person = await createPerson(db, { organizationId: world.org.id, name: "Pia" });
    const [creation] = (await journal(world, { personId: person.id })).body.groups;
    const given = await callApi(SLOT, {
      params: { orgSlug: world.org.slug, teamId: team.id, slotId: pm.id },
      as: world.as.editor,
      body: { holderId: person.id },
    });
    expect(given.status).toBe(200);

    const refused = await undo(world, creation!.groupId);
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as TUndoRefusal).conflicts[0]!.sentence).toBe(
      "Edith Editor made “Pia” the PM of “Checkout”",
    );
    expect(await db.person.count({ where: { id: person.id } })).toBe(1);
  });

  it("refuses with a clear reason when a key it would bring back is taken now", async () => {
    const world = await createMapWorld();
    const person = await createPerson(db, { organizationId: world.org.id, name: "Pia", key: "pia" });
    const removed = await callApi("DELETE /api/v1/orgs/[orgSlug]/people/[personId]", {
      params: { orgSlug: world.org.slug, personId: person.id },
      as: world.as.editor,
    });
    expect(removed.status).toBe(200);
    const [deletion] = (await journal(world)).body.groups;
    await createPerson(db, { organizationId: world.org.id, name: "Pia the second", key: "pia" });

    const refused = await undo(world, deletion!.groupId);
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as TUndoRefusal).error.message).toMatch(/same key or email/);
    expect(await db.person.count({ where: { organizationId: world.org.id, key: "pia" } })).toBe(1);
  });

  it("is for Managers and Owners only", async () => {
    const world = await createMapWorld();
    const [latest] = (await journal(world)).body.groups;
    const refused = await callApi(UNDO, {
      params: { orgSlug: world.org.slug, entryId: latest!.groupId },
      as: world.as.viewer,
    });
    expect(refused.status).toBe(403);
  });
});

describe("point in time", () => {
  it("rebuilds the map and overview as they were at any moment, and restores a team to one", async () => {
    const world = await createMapWorld();
    const { team, duty, po, pm } = await teamWithDuty(world);
    const set = cellWriter(world, team.id, duty.id);
    await set(po.id, "accountable");
    await pause();
    const moment1 = new Date();
    const then1 = await state(world);
    await pause();
    await set(pm.id, "accountable");
    await set(po.id, null);
    const renamed = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: world.org.slug, teamId: team.id },
      as: world.as.editor,
      body: { name: "Payments" },
    });
    expect(renamed.status).toBe(200);
    await pause();
    const moment2 = new Date();
    const then2 = await state(world);
    await pause();
    await callApi(TEAM, { params: { orgSlug: world.org.slug, teamId: team.id }, as: world.as.editor });

    expect(comparable(await state(world, { at: moment1.toISOString() }))).toEqual(comparable(then1));
    expect(comparable(await state(world, { at: moment2.toISOString() }))).toEqual(comparable(then2));
    const teamThen = await state(world, { at: moment1.toISOString(), teamId: team.id });
    expect(teamThen.teams.map((row) => row.name)).toEqual(["Checkout"]);
    const overview = await callApi<{ overview: { rows: { team: { name: string } }[] } }>(OVERVIEW, {
      params: { orgSlug: world.org.slug },
      query: { at: moment1.toISOString() },
      as: world.as.viewer,
    });
    expect(overview.body.overview.rows.map((row) => row.team.name)).toContain("Checkout");

    // The team was deleted since: restoring it to moment 1 brings it back as it was then, as one undoable action.
    const restored = await callApi<{ group: TJournalGroupView }>(RESTORE, {
      params: { orgSlug: world.org.slug, teamId: team.id },
      as: world.as.editor,
      body: { at: moment1.toISOString() },
    });
    expect(restored.status).toBe(200);
    expect(restored.body.group.action).toBe("team.restore");
    const now = comparable(await state(world));
    const expected = comparable(then1);
    expect(now.teams).toEqual(expected.teams);
    expect(now.slots).toEqual(expected.slots);
    expect(now.assignments).toEqual(expected.assignments);

    expect((await undo(world, restored.body.group.groupId)).status).toBe(200);
    expect(await db.team.count({ where: { id: team.id } })).toBe(0);
  });

  it("refuses a bad moment with a clear error", async () => {
    const world = await createMapWorld();
    for (const at of ["yesterday-ish", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "x".repeat(5000)]) {
      const answer = await callApi(STATE, { params: { orgSlug: world.org.slug }, query: { at }, as: world.as.viewer });
      expect(answer.status, at.slice(0, 30)).toBe(400);
      expect(JSON.stringify(answer.body)).toMatch(/must be a date and time/);
    }
    const restore = await callApi(RESTORE, {
      params: { orgSlug: world.org.slug, teamId: "nope" },
      as: world.as.editor,
      body: { at: "not a date" },
    });
    expect(restore.status).toBe(400);
  });
});

describe("health history", () => {
  type THistory = { days: { day: string; score: number | null; counts: Record<string, number> }[] };
  const history = (world: TMapWorld) =>
    callApi<THistory>("GET /api/v1/orgs/[orgSlug]/health-history", {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
    });
  const analysis = (world: TMapWorld) =>
    callApi<{ score: number; flags: { kind: string }[] }>("GET /api/v1/orgs/[orgSlug]/analysis", {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
    });
  const expectTodayAsAnalysed = async (world: TMapWorld) => {
    const answer = await history(world);
    expect(answer.status).toBe(200);
    const now = await analysis(world);
    expect(answer.body.days).toHaveLength(1);
    const [today] = answer.body.days;
    expect(today!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today!.score).toBe(now.body.score);
    expect(today!.counts.unowned_duty).toBe(now.body.flags.filter((flag) => flag.kind === "unowned_duty").length);
    return today!;
  };

  it("gives today's flags and score as the analysis has them, and nothing before the organisation began", async () => {
    const world = await createMapWorld();
    await teamWithDuty(world);
    await expectTodayAsAnalysed(world);
  });

  it("follows today's changes on later requests (which read the cached analysis, not the journal)", async () => {
    const world = await createMapWorld();
    const { team, duty, pm } = await teamWithDuty(world);
    const before = await expectTodayAsAnalysed(world);
    await cellWriter(world, team.id, duty.id)(pm.id, "accountable");
    const after = await expectTodayAsAnalysed(world);
    expect(after.counts.unowned_duty).toBe(before.counts.unowned_duty! - 1);
  });
});
