import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TDraftView } from "@/lib/domain/drafts";
import { generateMap } from "@/lib/domain/generate-map";
import type { TJournalGroupView, TJournalPage } from "@/lib/domain/journal";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TRemitMap } from "@/lib/domain/model";
import { Prisma } from "@/lib/generated/prisma/client";
import { journalSetting } from "@/lib/server/kernel/journal-context";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";

const DRAFTS = "POST /api/v1/orgs/[orgSlug]/drafts";
const STATE = "GET /api/v1/orgs/[orgSlug]/state";
const JOURNAL = "GET /api/v1/orgs/[orgSlug]/journal";
const UNDO = "POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo";
const TEAM = "PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]";

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The world's organisation with a generated map of `teams` teams, imported as a user would. */
async function worldWithMap(teams: number) {
  const world = await createMapWorld();
  const imported = await callApi("PUT /api/v1/orgs/[orgSlug]/map", {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body: mapToDocument(generateMap({ teams, seed: 3 })),
  });
  expect(imported.status).toBe(200);
  return world;
}

async function newDraft(world: TMapWorld, body: Record<string, unknown> = { name: "Plan" }) {
  const answer = await callApi<{ draft: TDraftView }>(DRAFTS, {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body,
  });
  expect(answer.status).toBe(201);
  return answer.body.draft;
}

async function state(world: TMapWorld, slug: string, query?: Record<string, string>): Promise<TRemitMap> {
  const answer = await callApi<{ map: TRemitMap }>(STATE, { params: { orgSlug: slug }, query, as: world.as.viewer });
  expect(answer.status).toBe(200);
  return answer.body.map;
}

const journal = (world: TMapWorld, slug: string) =>
  callApi<TJournalPage>(JOURNAL, { params: { orgSlug: slug }, as: world.as.viewer });

/** Journal entries of the live organisation and of every draft of it. */
const journalRows = (world: TMapWorld) =>
  db.journalEntry.count({
    where: { organization: { OR: [{ id: world.org.id }, { draftOfId: world.org.id }] } },
  });

const workspaceOf = (draft: TDraftView) =>
  db.organization.findUniqueOrThrow({ where: { slug: draft.slug }, select: { id: true } });

/** Runs `work` in a transaction named as a write of `action` would name it. */
function asWrite<T>(action: "draft.create" | "map.import", work: (tx: Prisma.TransactionClient) => Promise<T>) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT ${journalSetting({ actor: "system", action }).sql}`;
    return work(tx);
  });
}

describe("making a draft", () => {
  it("copies the map inside PostgreSQL, without a journal entry per row", async () => {
    const world = await worldWithMap(12);
    const before = await journalRows(world);
    const draft = await newDraft(world);
    expect(await journalRows(world)).toBe(before);
    const live = await state(world, world.org.slug);
    const copy = await state(world, draft.slug);
    expect(mapToDocument(copy)).toEqual(mapToDocument(live));
    expect(copy.assignments.length).toBeGreaterThan(100);
    // The rows are the draft's own.
    const liveIds = new Set([...live.teams, ...live.people, ...live.slots, ...live.duties].map((row) => row.id));
    expect([...copy.teams, ...copy.people, ...copy.slots, ...copy.duties].some((row) => liveIds.has(row.id))).toBe(
      false,
    );

    // A draft of the draft copies the draft, edits included.
    const renamed = await callApi(TEAM, {
      params: { orgSlug: draft.slug, teamId: live.teams[0]!.key },
      as: world.as.editor,
      body: { name: "Planned" },
    });
    expect(renamed.status).toBe(200);
    const beforeSecond = await journalRows(world);
    const second = await newDraft(world, { name: "Plan B", from: draft.id });
    expect(await journalRows(world)).toBe(beforeSecond);
    expect(mapToDocument(await state(world, second.slug))).toEqual(mapToDocument(await state(world, draft.slug)));
  });

  it("starts the draft's history at its creation: time travel, history and undo inside it", async () => {
    const world = await worldWithMap(3);
    const beforeDraft = new Date(Date.now() - 60_000);
    const draft = await newDraft(world);
    const created = await state(world, draft.slug);
    expect((await journal(world, draft.slug)).body.groups).toEqual([]);
    // Before its creation, the draft reads as it was made.
    expect(mapToDocument(await state(world, draft.slug, { at: beforeDraft.toISOString() }))).toEqual(
      mapToDocument(created),
    );

    await pause();
    const madeAt = new Date();
    await pause();
    const team = created.teams[0]!;
    const renamed = await callApi(TEAM, {
      params: { orgSlug: draft.slug, teamId: team.id },
      as: world.as.editor,
      body: { name: "Planned" },
    });
    expect(renamed.status).toBe(200);
    const history = (await journal(world, draft.slug)).body.groups;
    expect(history.map((group) => group.action)).toEqual(["team.update"]);
    expect(mapToDocument(await state(world, draft.slug, { at: madeAt.toISOString() }))).toEqual(mapToDocument(created));

    const undone = await callApi<{ group: TJournalGroupView }>(UNDO, {
      params: { orgSlug: draft.slug, entryId: history[0]!.groupId },
      as: world.as.editor,
    });
    expect(undone.status).toBe(200);
    expect(mapToDocument(await state(world, draft.slug))).toEqual(mapToDocument(created));
  });
});

describe("the unjournalled copy", () => {
  it("is refused for anything but a draft's workspace made in the same transaction", async () => {
    const world = await worldWithMap(2);
    const copyInto = (tx: Prisma.TransactionClient, targetId: string, sourceId = world.org.id) =>
      tx.$executeRaw`SELECT remit_copy_map(${sourceId}, ${targetId})`;
    const freshWorkspace = (tx: Prisma.TransactionClient) =>
      tx.organization.create({
        data: { slug: `copy-${Date.now()}-${Math.random().toString(36).slice(2)}`, name: "x", draftOfId: world.org.id },
        select: { id: true },
      });

    // Into a live organisation.
    await expect(asWrite("draft.create", (tx) => copyInto(tx, world.other.id))).rejects.toThrow(
      /only into a draft workspace made in the same transaction/,
    );
    // Into a draft made earlier (its journal has begun).
    const draft = await newDraft(world);
    const { id: earlier } = await workspaceOf(draft);
    await expect(asWrite("draft.create", (tx) => copyInto(tx, earlier))).rejects.toThrow(
      /only into a draft workspace made in the same transaction/,
    );
    // By any other write than a draft's creation.
    await expect(asWrite("map.import", async (tx) => copyInto(tx, (await freshWorkspace(tx)).id))).rejects.toThrow(
      /only to make a draft/,
    );
    // From another organisation's map.
    await expect(
      asWrite("draft.create", async (tx) => copyInto(tx, (await freshWorkspace(tx)).id, world.other.id)),
    ).rejects.toThrow(/of its live organisation or of another of its drafts/);
    // Twice into the same workspace.
    await expect(
      asWrite("draft.create", async (tx) => {
        const { id } = await freshWorkspace(tx);
        await copyInto(tx, id);
        await copyInto(tx, id);
      }),
    ).rejects.toThrow(/only into an empty draft workspace/);
  });

  it("cannot be asked for by hand: naming anything but a new draft's workspace refuses the write", async () => {
    const world = await createMapWorld();
    const personIn = (organizationId: string, key: string) =>
      Prisma.sql`INSERT INTO person (id, organization_id, key, name, updated_at)
        VALUES (${`p-${key}-${organizationId}`}, ${organizationId}, ${key}, ${key}, now())`;
    const insertNaming = async (tx: Prisma.TransactionClient, named: string, organizationId: string, key: string) => {
      await tx.$queryRaw`SELECT set_config('remit.map_copy', ${named}, true)`;
      return tx.$executeRaw(personIn(organizationId, key));
    };
    const refused = /rows skip the journal only when remit_copy_map copies a map into a new draft/;
    const journalled = () => db.journalEntry.count({ where: { organizationId: world.org.id } });
    const before = await journalled();

    // A live organisation, named for its own rows or another's.
    await expect(asWrite("map.import", (tx) => insertNaming(tx, world.org.id, world.org.id, "a"))).rejects.toThrow(
      refused,
    );
    await expect(asWrite("map.import", (tx) => insertNaming(tx, world.other.id, world.org.id, "b"))).rejects.toThrow(
      refused,
    );
    // A draft's workspace after the transaction that made it.
    const draft = await newDraft(world);
    const { id: workspaceId } = await workspaceOf(draft);
    await expect(asWrite("draft.create", (tx) => insertNaming(tx, workspaceId, workspaceId, "c"))).rejects.toThrow(
      refused,
    );
    // Without a journal context, nothing changes the map, as ever.
    await expect(db.$transaction((tx) => insertNaming(tx, "", world.org.id, "d"))).rejects.toThrow(
      /without a journal context/,
    );
    expect(await db.person.count({ where: { organizationId: { in: [world.org.id, workspaceId] } } })).toBe(0);
    expect(await journalled()).toBe(before);
  });
});
