import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PO_PM_SPLIT } from "@/lib/domain/po-pm-split";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { asSystem, createAssignment, createTeam } from "@/prisma/factories";
import type { TAppliedSplit } from "./apply-po-pm-split";
import type { TAssignmentCell } from "@/lib/server/kernel/assignment-cell";

const ASSIGNMENTS = "PUT /api/v1/orgs/[orgSlug]/teams/[teamId]/assignments";
const APPLY_SPLIT = "POST /api/v1/orgs/[orgSlug]/teams/[teamId]/apply-split";

type TCellAnswer = { assignment: TAssignmentCell };
type TConflictAnswer = { error: { code: string; message: string }; assignment: TAssignmentCell };

/** A team with its PO and PM slots, and the organisation's "roadmap" duty. */
async function teamWithDuty(world: TMapWorld) {
  const team = await createTeam(db, { organizationId: world.org.id });
  const duty = await db.duty.findFirstOrThrow({
    where: { organizationId: world.org.id, key: "roadmap" },
    select: { id: true, key: true },
  });
  return { team, duty, po: team.slots[0]!, pm: team.slots[1]! };
}

describe("setting a cell", () => {
  // The embedded database has no row locks between connections for the write to wait on.
  it.skipIf(process.env.REMIT_EMBEDDED_DATABASE === "1")(
    "answers 404, not 500, when the cell's slot is deleted while the write is under way",
    async () => {
      const world = await createMapWorld();
      const { team, duty, po } = await teamWithDuty(world);
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let deleted = () => undefined as void;
      const isDeleted = new Promise<void>((resolve) => (deleted = resolve));
      // The slot's deletion, not committed yet: the write still finds the slot, then waits on it to insert its cell.
      let deleter = 0;
      const deletion = asSystem(db, async (tx) => {
        [{ pid: deleter }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
        await tx.slot.delete({ where: { id: po.id } });
        deleted();
        await released;
      });
      await isDeleted;
      const write = callApi<TConflictAnswer>(ASSIGNMENTS, {
        params: { orgSlug: world.org.slug, teamId: team.id },
        as: world.as.editor,
        body: { dutyId: duty.id, slotId: po.id, level: "responsible" },
      });
      // The write's insert waits for this test's deletion, and for nothing else.
      const waitingForDeletion = async () =>
        (
          await db.$queryRaw<{ query: string }[]>`
          SELECT query FROM pg_stat_activity WHERE ${deleter}::int = ANY(pg_blocking_pids(pid))`
        ).map((row) => row.query.trim());
      try {
        // Within Prisma's 5 s limit on the deletion's transaction.
        await expect
          .poll(waitingForDeletion, { timeout: 4_000 })
          .toEqual([expect.stringMatching(/INSERT INTO assignment\b/)]);
      } finally {
        release();
      }
      await deletion;
      const answer = await write;
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toContain("deleted while the change was being saved");
      expect(await db.assignment.count({ where: { slotId: po.id } })).toBe(0);
    },
  );

  it("sets, changes and clears a level; every change bumps the version, a repeat changes nothing", async () => {
    const world = await createMapWorld();
    const { team, duty, po } = await teamWithDuty(world);
    const put = (body: object) =>
      callApi<TCellAnswer>(ASSIGNMENTS, {
        params: { orgSlug: world.org.slug, teamId: team.id },
        as: world.as.editor,
        body: { dutyId: duty.id, slotId: po.id, ...body },
      });
    const cell = { teamId: team.id, dutyId: duty.id, slotId: po.id };

    expect((await put({ level: "responsible" })).body.assignment).toEqual({
      ...cell,
      level: "responsible",
      version: 1,
    });
    expect((await put({ level: "accountable" })).body.assignment).toEqual({
      ...cell,
      level: "accountable",
      version: 2,
    });
    expect((await put({ level: "accountable" })).body.assignment).toEqual({
      ...cell,
      level: "accountable",
      version: 2,
    });
    const cleared = await put({ level: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assignment).toEqual({ ...cell, level: null, version: 0 });
    expect(await db.assignment.count({ where: { slotId: po.id } })).toBe(0);
    expect((await put({ level: null })).body.assignment).toEqual({ ...cell, level: null, version: 0 });
  });

  it("takes duty and slot keys as well as ids", async () => {
    const world = await createMapWorld();
    const { team } = await teamWithDuty(world);
    const answer = await callApi<TCellAnswer>(ASSIGNMENTS, {
      params: { orgSlug: world.org.slug, teamId: team.key },
      as: world.as.editor,
      body: { dutyId: "vision", slotId: "pm", level: "consulted" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.assignment).toMatchObject({ slotId: team.slots[1]!.id, level: "consulted", version: 1 });
  });

  it("writes only at the version the client saw, and otherwise answers 409 with the cell as it is", async () => {
    const world = await createMapWorld();
    const { team, duty, po } = await teamWithDuty(world);
    const put = (body: object) =>
      callApi<TConflictAnswer>(ASSIGNMENTS, {
        params: { orgSlug: world.org.slug, teamId: team.id },
        as: world.as.editor,
        body: { dutyId: duty.id, slotId: po.id, ...body },
      });
    const cell = { teamId: team.id, dutyId: duty.id, slotId: po.id };

    const stale = await put({ level: "accountable", version: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.assignment).toEqual({ ...cell, level: null, version: 0 });

    expect((await put({ level: "accountable", version: 0 })).status).toBe(200);
    const taken = await put({ level: "consulted", version: 0 });
    expect(taken.status).toBe(409);
    expect(taken.body.assignment).toEqual({ ...cell, level: "accountable", version: 1 });
    expect(taken.body.error.message).toMatch(/version 0/);

    expect((await put({ level: "consulted", version: 1 })).body.assignment).toEqual({
      ...cell,
      level: "consulted",
      version: 2,
    });
    const clearStale = await put({ level: null, version: 1 });
    expect(clearStale.status).toBe(409);
    expect(clearStale.body.assignment).toMatchObject({ level: "consulted", version: 2 });
    expect((await put({ level: null, version: 2 })).body.assignment).toEqual({ ...cell, level: null, version: 0 });
    expect(await db.assignment.count({ where: { slotId: po.id } })).toBe(0);
  });

  it("lets exactly one of two editors who saw the same version win", async () => {
    const world = await createMapWorld();
    const { team, duty, po } = await teamWithDuty(world);
    await createAssignment(db, {
      organizationId: world.org.id,
      slotId: po.id,
      dutyId: duty.id,
      level: "informed",
      version: 4,
    });
    const answers = await Promise.all(
      (["accountable", "responsible", "consulted"] as const).map((level) =>
        callApi<TConflictAnswer>(ASSIGNMENTS, {
          params: { orgSlug: world.org.slug, teamId: team.id },
          as: world.as.editor,
          body: { dutyId: duty.id, slotId: po.id, level, version: 4 },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    const stored = await db.assignment.findFirstOrThrow({
      where: { slotId: po.id },
      select: { level: true, version: true },
    });
    expect(stored.version).toBe(5);
    expect(answers.find((answer) => answer.status === 200)!.body.assignment).toMatchObject(stored);
  });

  it("refuses bad input with every field error", async () => {
    const world = await createMapWorld();
    const { team } = await teamWithDuty(world);
    const answer = await callApi(ASSIGNMENTS, {
      params: { orgSlug: world.org.slug, teamId: team.id },
      as: world.as.editor,
      body: { dutyId: "", slotId: 7, level: "owner", version: -1 },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields ?? {}).sort()).toEqual(["dutyId", "level", "slotId", "version"]);
    const missing = await callApi(ASSIGNMENTS, {
      params: { orgSlug: world.org.slug, teamId: team.id },
      as: world.as.editor,
      body: { dutyId: "vision", slotId: "po", version: 2 ** 40 },
    });
    expect(Object.keys(missing.body.error.fields ?? {}).sort()).toEqual(["level", "version"]);
  });

  it("answers 404 for a duty, slot or team that is not the organisation's, naming the field", async () => {
    const world = await createMapWorld();
    const { team, duty, po } = await teamWithDuty(world);
    const sibling = await createTeam(db, { organizationId: world.org.id });
    const theirs = await createTeam(db, { organizationId: world.other.id });
    const theirDuty = await db.duty.findFirstOrThrow({
      where: { organizationId: world.other.id },
      select: { id: true },
    });
    const cases = [
      { teamId: team.id, body: { dutyId: theirDuty.id, slotId: po.id }, field: "dutyId" },
      { teamId: team.id, body: { dutyId: duty.id, slotId: sibling.slots[0]!.id }, field: "slotId" },
      { teamId: team.id, body: { dutyId: duty.id, slotId: theirs.slots[0]!.id }, field: "slotId" },
      { teamId: theirs.id, body: { dutyId: duty.id, slotId: theirs.slots[0]!.id }, field: undefined },
    ];
    for (const { teamId, body, field } of cases) {
      const answer = await callApi(ASSIGNMENTS, {
        params: { orgSlug: world.org.slug, teamId },
        as: world.as.editor,
        body: { ...body, level: "accountable" },
      });
      expect(answer.status).toBe(404);
      expect(Object.keys(answer.body.error.fields ?? {})).toEqual(field ? [field] : []);
    }
    expect(await db.assignment.count({ where: { organizationId: { in: [world.org.id, world.other.id] } } })).toBe(0);
  });
});

describe("applying the PO/PM split", () => {
  it("fills only the empty cells, and a second run finds nothing to do", async () => {
    const world = await createMapWorld();
    const { team, po, pm } = await teamWithDuty(world);
    const duties = await db.duty.findMany({ where: { organizationId: world.org.id }, select: { id: true, key: true } });
    const dutyId = (key: string) => duties.find((duty) => duty.key === key)!.id;
    // The PO is only consulted on the vision; the PM already owns the roadmap.
    await createAssignment(db, {
      organizationId: world.org.id,
      slotId: po.id,
      dutyId: dutyId("vision"),
      level: "consulted",
    });
    await createAssignment(db, {
      organizationId: world.org.id,
      slotId: pm.id,
      dutyId: dutyId("roadmap"),
      level: "accountable",
      version: 3,
    });
    const params = { orgSlug: world.org.slug, teamId: team.id };

    const applied = await callApi<TAppliedSplit>(APPLY_SPLIT, { params, as: world.as.editor });
    expect(applied.status).toBe(200);
    expect(applied.body.missingRoles).toEqual([]);
    expect(applied.body.missingDutyKeys).toEqual([]);
    expect(applied.body.assignments).toHaveLength(PO_PM_SPLIT.length - 1);
    expect(applied.body.assignments.every((cell) => cell.version === 1 && cell.teamId === team.id)).toBe(true);
    expect(applied.body.assignments.some((cell) => cell.dutyId === dutyId("vision") && cell.slotId === po.id)).toBe(
      false,
    );

    const stored = await db.assignment.findMany({
      where: { teamId: team.id },
      select: { dutyId: true, slotId: true, level: true, version: true },
    });
    expect(stored).toHaveLength(PO_PM_SPLIT.length + 1);
    expect(stored).toContainEqual({ dutyId: dutyId("vision"), slotId: po.id, level: "consulted", version: 1 });
    expect(stored).toContainEqual({ dutyId: dutyId("roadmap"), slotId: pm.id, level: "accountable", version: 3 });
    expect(stored).toContainEqual({ dutyId: dutyId("roadmap"), slotId: po.id, level: "accountable", version: 1 });

    const again = await callApi<TAppliedSplit>(APPLY_SPLIT, { params, as: world.as.editor });
    expect(again.body.assignments).toEqual([]);
  });

  it("applies the half it can when the team lacks a PM slot or the catalogue lacks duties", async () => {
    const world = await createMapWorld();
    const team = await createTeam(db, {
      organizationId: world.org.id,
      slots: [{ key: "owner", role: "PO", order: 0 }],
    });
    await asSystem(db, (tx) =>
      tx.duty.deleteMany({ where: { organizationId: world.org.id, key: { in: ["vision", "strategy"] } } }),
    );
    const applied = await callApi<TAppliedSplit>(APPLY_SPLIT, {
      params: { orgSlug: world.org.slug, teamId: team.key },
      as: world.as.editor,
    });
    expect(applied.body.missingRoles).toEqual(["PM"]);
    expect(applied.body.missingDutyKeys).toEqual(["vision", "strategy"]);
    const expected = PO_PM_SPLIT.filter((rule) => rule.role === "PO" && !["vision", "strategy"].includes(rule.dutyKey));
    expect(applied.body.assignments).toHaveLength(expected.length);
  });

  it("answers 404 for another organisation's team", async () => {
    const world = await createMapWorld();
    const theirs = await createTeam(db, { organizationId: world.other.id });
    const answer = await callApi(APPLY_SPLIT, {
      params: { orgSlug: world.org.slug, teamId: theirs.id },
      as: world.as.editor,
    });
    expect(answer.status).toBe(404);
    expect(await db.assignment.count({ where: { teamId: theirs.id } })).toBe(0);
  });
});
