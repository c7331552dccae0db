import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TDraftView } from "@/lib/domain/drafts";
import type { TChangeEvent } from "@/lib/domain/live-event";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TRaciLevel } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { errorResponse } from "@/lib/errors";
import { runAnnouncedStatement, runWrite } from "@/lib/server/kernel/run-write";
import { expectJournalMatchesData, holdLock, waitersOf } from "@/lib/server/testing/locks";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { createTeam } from "@/prisma/factories";
import { loadMap } from "@/lib/server/kernel/load-map";

// Races between map writes, each interleaving forced by a lock held on purpose (see lib/server/testing/locks.ts).

const DRAFTS = "/api/v1/orgs/[orgSlug]/drafts";
const DRAFT = `${DRAFTS}/[draftId]`;
const CELL = "PUT /api/v1/orgs/[orgSlug]/teams/[teamId]/assignments";

type TCellAnswer = { assignment: { level: TRaciLevel | null; version: number } };

/** The world's organisation with a team "Checkout" (PO and PM slots) whose PO slot is responsible for a duty. */
async function worldWithCell() {
  const world = await createMapWorld();
  const team = await createTeam(db, { organizationId: world.org.id, name: "Checkout", key: "checkout" });
  const duty = await db.duty.findFirstOrThrow({ where: { organizationId: world.org.id }, orderBy: { order: "asc" } });
  const cell = { teamId: team.id, dutyId: duty.id, slotId: team.slots[0]!.id };
  expect((await setCell(world, cell, "responsible")).status).toBe(200);
  return { ...world, team, cell };
}

type TCell = { teamId: string; dutyId: string; slotId: string };

const setCell = (world: TMapWorld, { teamId, ...cell }: TCell, level: TRaciLevel, version?: number) =>
  callApi<TCellAnswer>(CELL, {
    params: { orgSlug: world.org.slug, teamId },
    as: world.as.editor,
    body: { ...cell, level, ...(version === undefined ? {} : { version }) },
  });

async function cellNow(cell: TCell) {
  return db.assignment.findFirst({
    where: { slotId: cell.slotId, dutyId: cell.dutyId },
    select: { level: true, version: true },
  });
}

describe("races between map writes", () => {
  it.each([
    { name: "with the version it saw: it is told the import changed the cell", version: 1 as number | undefined },
    { name: "without a version: it is written after the import", version: undefined },
  ])("a cell write that meets an import waits for it, never deadlocks ($name)", async ({ version }) => {
    const world = await worldWithCell();
    // The import renames the team and makes the cell accountable.
    const document = mapToDocument(await loadMap({ organizationId: world.org.id }));
    const imported = {
      ...document,
      teams: document.teams.map((team) => ({
        ...team,
        name: "Checkout (imported)",
        assignments: team.assignments.map((assignment) => ({ ...assignment, level: "accountable" as const })),
      })),
    };
    // The import takes the map's lock, then waits to rename the team (its row is held) before it writes the cell.
    const holder = await holdLock(Prisma.sql`SELECT id FROM team WHERE id = ${world.team.id} FOR UPDATE`);
    const importing = callApi("PUT /api/v1/orgs/[orgSlug]/map", {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: imported,
    });
    const [importPid] = await waitersOf(holder.pid, 1);
    // The cell write arrives while the import holds the map.
    const writing = setCell(world, world.cell, "consulted", version);
    await waitersOf(importPid!, 1);
    await holder.release();

    const [imports, writes] = await Promise.all([importing, writing]);
    expect(imports.status).toBe(200);
    if (version === undefined) {
      expect(writes.status).toBe(200);
      expect(writes.body.assignment).toMatchObject({ level: "consulted", version: 3 });
      expect(await cellNow(world.cell)).toEqual({ level: "consulted", version: 3 });
    } else {
      expect(writes.status).toBe(409);
      expect((writes.body as unknown as { error: { message: string } }).error.message).toMatch(/changed since/);
      expect(await cellNow(world.cell)).toEqual({ level: "accountable", version: 2 });
    }
    await expectJournalMatchesData(world.org.id);
  });

  it("of two undos of one deletion at once, exactly one brings the team back; the other is told it is undone", async () => {
    const world = await worldWithCell();
    const deleted = await callApi("DELETE /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: world.org.slug, teamId: world.team.id },
      as: world.as.editor,
    });
    expect(deleted.status).toBe(200);
    const [deletion] = await db.$queryRaw<{ group_id: string }[]>`
      SELECT group_id FROM journal_entry WHERE organization_id = ${world.org.id} AND action = 'team.delete' LIMIT 1`;
    // Both undos start while an import holds the map.
    const holder = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${world.org.id} FOR UPDATE`);
    const undo = () =>
      callApi("POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo", {
        params: { orgSlug: world.org.slug, entryId: deletion!.group_id },
        as: world.as.editor,
      });
    const undoing = [undo(), undo()];
    await waitersOf(holder.pid, 2);
    await holder.release();

    const answers = await Promise.all(undoing);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.error.message).toMatch(/undone already/);
    const undos = await db.$queryRaw<{ group_id: string }[]>`
      SELECT DISTINCT group_id FROM journal_entry WHERE organization_id = ${world.org.id} AND action = 'journal.undo'`;
    expect(undos).toHaveLength(1);
    expect(await cellNow(world.cell)).toEqual({ level: "responsible", version: 2 });
    await expectJournalMatchesData(world.org.id);
  });

  it("an apply-split that meets an import waits for it, never deadlocks, and keeps the cells the import set", async () => {
    const world = await worldWithCell();
    const document = mapToDocument(await loadMap({ organizationId: world.org.id }));
    const duties = await db.duty.findMany({ where: { organizationId: world.org.id }, orderBy: { order: "asc" } });
    // The import renames the team and makes its PO slot informed of every duty: cells the split fills too.
    const imported = {
      ...document,
      teams: document.teams.map((team) => ({
        ...team,
        name: "Checkout (imported)",
        assignments: duties.map((duty) => ({ duty: duty.key, slot: team.slots[0]!.key, level: "informed" as const })),
      })),
    };
    const holder = await holdLock(Prisma.sql`SELECT id FROM team WHERE id = ${world.team.id} FOR UPDATE`);
    const importing = callApi("PUT /api/v1/orgs/[orgSlug]/map", {
      params: { orgSlug: world.org.slug },
      as: world.as.editor,
      body: imported,
    });
    const [importPid] = await waitersOf(holder.pid, 1);
    const splitting = callApi<{ assignments: { slotId: string }[] }>(
      "POST /api/v1/orgs/[orgSlug]/teams/[teamId]/apply-split",
      { params: { orgSlug: world.org.slug, teamId: world.team.id }, as: world.as.editor },
    );
    await waitersOf(importPid!, 1);
    await holder.release();

    const [imports, split] = await Promise.all([importing, splitting]);
    expect(imports.status).toBe(200);
    expect(split.status).toBe(200);
    const po = await db.assignment.findMany({ where: { slotId: world.cell.slotId }, select: { level: true } });
    expect(po.map((cell) => cell.level)).toEqual(duties.map(() => "informed"));
    expect(split.body.assignments.every((cell) => cell.slotId !== world.cell.slotId)).toBe(true);
    await expectJournalMatchesData(world.org.id);
  });

  it("a cell write that meets a team restore is told what the restore made of the cell, never given its version", async () => {
    const world = await worldWithCell();
    const at = new Date();
    // Since then the team was renamed and the cell made accountable (version 2); the restore puts both back.
    expect((await renameTeam(world, world.org.slug, "Renamed")).status).toBe(200);
    expect((await setCell(world, world.cell, "accountable", 1)).status).toBe(200);
    // The restore waits to rename the team back (its row is held) before it writes the cell.
    const holder = await holdLock(Prisma.sql`SELECT id FROM team WHERE id = ${world.team.id} FOR UPDATE`);
    const restoring = callApi("POST /api/v1/orgs/[orgSlug]/teams/[teamId]/restore", {
      params: { orgSlug: world.org.slug, teamId: world.team.id },
      as: world.as.editor,
      body: { at: at.toISOString() },
    });
    await waitersOf(holder.pid, 1);
    // An editor who saw version 2 writes the cell meanwhile: it waits for the restore.
    const writing = setCell(world, world.cell, "consulted", 2);
    await waitersOf(holder.pid, 2);
    await holder.release();

    const [restored, writes] = await Promise.all([restoring, writing]);
    expect(restored.status).toBe(200);
    expect(writes.status).toBe(409);
    expect(writes.body.assignment).toEqual({ ...world.cell, level: "responsible", version: 3 });
    expect(await cellNow(world.cell)).toEqual({ level: "responsible", version: 3 });
    expect((await db.team.findUniqueOrThrow({ where: { id: world.team.id } })).name).toBe("Checkout");
    await expectJournalMatchesData(world.org.id);
  });

  it("a write that PostgreSQL aborts for a deadlock runs again, and after the last attempt answers 503", async () => {
    const world = await worldWithCell();
    const attempts: number[] = [];
    // Fails with a real deadlock error (40P01) on the first `failures` attempts, after changing a row.
    const write = (failures: number) =>
      runWrite(
        { actor: "system", action: "team.update" },
        async (tx) => {
          attempts.push(attempts.length + 1);
          await tx.$executeRaw`UPDATE team SET name = ${`Attempt ${attempts.length}`} WHERE id = ${world.team.id}`;
          if (attempts.length <= failures) {
            await tx.$executeRawUnsafe(
              `DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$`,
            );
          }
          return attempts.length;
        },
        () => null,
      );
    expect(await write(2)).toBe(3);
    expect((await db.team.findUniqueOrThrow({ where: { id: world.team.id } })).name).toBe("Attempt 3");

    attempts.length = 0;
    const failed = await write(3).catch((error: unknown) => error);
    expect(attempts).toEqual([1, 2, 3]);
    const answer = errorResponse(failed);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("1");
    expect((await db.team.findUniqueOrThrow({ where: { id: world.team.id } })).name).toBe("Attempt 3");
    await expectJournalMatchesData(world.org.id);
  });

  it("a one-statement write (a cell's) that PostgreSQL aborts for a deadlock runs again, up to the last attempt", async () => {
    const world = await worldWithCell();
    // A function that fails with a real deadlock error (40P01) while the sequence is at most `failures`.
    const suffix = world.org.id.slice(-8).toLowerCase();
    const [sequence, fail] = [`race_attempts_${suffix}`, `race_deadlock_${suffix}`];
    await db.$executeRawUnsafe(`CREATE SEQUENCE ${sequence}`);
    await db.$executeRawUnsafe(`CREATE FUNCTION ${fail}(failures int) RETURNS int LANGUAGE plpgsql AS $$
      BEGIN IF nextval('${sequence}') <= failures THEN
        RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END IF; RETURN currval('${sequence}'); END $$`);
    const event: TChangeEvent = {
      type: "change",
      organizationId: world.org.id,
      entity: "map",
      ids: [],
      actor: { id: "", name: "Remit" },
      at: 0,
    };
    const write = (failures: number) =>
      runAnnouncedStatement<{ attempt: number }>(
        { actor: "system", action: "team.update" },
        (announce) => Prisma.sql`
          SELECT ${Prisma.raw(fail)}(${failures}::int) AS attempt FROM (SELECT ${announce}) AS announced`,
        event,
      );
    try {
      expect(await write(2)).toEqual([{ attempt: 3 }]);
      await db.$executeRawUnsafe(`ALTER SEQUENCE ${sequence} RESTART`);
      const answer = errorResponse(await write(3).catch((error: unknown) => error));
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("1");
    } finally {
      await db.$executeRawUnsafe(`DROP FUNCTION ${fail}(int)`);
      await db.$executeRawUnsafe(`DROP SEQUENCE ${sequence}`);
    }
  });

  it("a publish that meets a discard of its draft answers 404 and leaves live as it was", async () => {
    const world = await worldWithCell();
    const draft = await newDraft(world);
    expect((await renameTeam(world, draft.slug, "Planned")).status).toBe(200);
    // The publish has found the draft and waits for live's map while the draft is discarded.
    const holder = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${world.org.id} FOR SHARE`);
    const publishing = publish(world, draft.id);
    await waitersOf(holder.pid, 1);
    const discarded = await callApi(`DELETE ${DRAFT}`, {
      params: { orgSlug: world.org.slug, draftId: draft.id },
      as: world.as.editor,
    });
    expect(discarded.status).toBe(200);
    await holder.release();

    const published = await publishing;
    expect(published.status).toBe(404);
    expect((published.body as unknown as { error: { message: string } }).error.message).toMatch(/discarded/);
    expect(
      (await db.team.findMany({ where: { organizationId: world.org.id }, select: { name: true } })).map(
        (team) => team.name,
      ),
    ).toEqual(["Checkout"]);
    expect(await publishGroups(world.org.id)).toEqual([]);
    await expectJournalMatchesData(world.org.id);
  });

  it("of two discards of one draft at once, one discards it and the other answers 404", async () => {
    const world = await worldWithCell();
    const draft = await newDraft(world);
    const { workspaceId } = await db.draft.findUniqueOrThrow({
      where: { id: draft.id },
      select: { workspaceId: true },
    });
    // Both have found the draft and wait to delete its workspace.
    const holder = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${workspaceId} FOR KEY SHARE`);
    const discard = () =>
      callApi(`DELETE ${DRAFT}`, { params: { orgSlug: world.org.slug, draftId: draft.id }, as: world.as.editor });
    const discarding = [discard(), discard()];
    await waitersOf(holder.pid, 2);
    await holder.release();

    const answers = await Promise.all(discarding);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 404]);
    expect(answers.find((answer) => answer.status === 404)!.body.error.message).toMatch(/discarded already/);
    expect(await db.organization.findUnique({ where: { id: workspaceId } })).toBeNull();
  });

  it("of three publishes of one draft at once, exactly one wins; the others are told it was published already", async () => {
    const world = await worldWithCell();
    const draft = await newDraft(world);
    expect((await renameTeam(world, draft.slug, "Planned")).status).toBe(200);
    const holder = await holdLock(Prisma.sql`SELECT id FROM organization WHERE id = ${world.org.id} FOR SHARE`);
    const publishing = [publish(world, draft.id), publish(world, draft.id), publish(world, draft.id)];
    await waitersOf(holder.pid, 3);
    await holder.release();

    const answers = await Promise.all(publishing);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    for (const answer of answers.filter((answer) => answer.status === 409)) {
      expect((answer.body as unknown as { error: { message: string } }).error.message).toMatch(/published already/);
    }
    const winner = answers.find((answer) => answer.status === 200)!;
    const groups = await publishGroups(world.org.id);
    expect(groups).toEqual([winner.body.groupId]);
    expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { publishedGroup: true } })).toEqual({
      publishedGroup: winner.body.groupId,
    });
    await expectJournalMatchesData(world.org.id);
  });

  it("a publish that changes nothing has no journal group, not another publish's", async () => {
    const world = await worldWithCell();
    const first = await newDraft(world);
    expect((await renameTeam(world, first.slug, "Planned")).status).toBe(200);
    const published = await publish(world, first.id);
    expect(published.status).toBe(200);
    expect(published.body.groupId).toEqual(expect.any(String));

    const unchanged = await newDraft(world);
    const again = await publish(world, unchanged.id);
    expect(again.status).toBe(200);
    expect(again.body.groupId).toBeNull();
    expect(await publishGroups(world.org.id)).toEqual([published.body.groupId]);
  });
});

async function newDraft(world: TMapWorld) {
  const answer = await callApi<{ draft: TDraftView }>(`POST ${DRAFTS}`, {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body: { name: "Plan" },
  });
  expect(answer.status).toBe(201);
  return answer.body.draft;
}

const renameTeam = (world: TMapWorld & { team: { key: string } }, slug: string, name: string) =>
  callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
    params: { orgSlug: slug, teamId: world.team.key },
    as: world.as.editor,
    body: { name },
  });

const publish = (world: TMapWorld, draftId: string) =>
  callApi<{ draft: TDraftView; groupId: string | null }>(`POST ${DRAFT}/publish`, {
    params: { orgSlug: world.org.slug, draftId },
    as: world.as.editor,
  });

/** The journal groups of the organisation's publishes. */
async function publishGroups(organizationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ group_id: string }[]>`
    SELECT DISTINCT group_id FROM journal_entry WHERE organization_id = ${organizationId} AND action = 'draft.publish'`;
  return rows.map((row) => row.group_id);
}
