import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TJournalPage } from "@/lib/domain/journal";
import type { TMergeConflict } from "@/lib/domain/map-merge";
import type { TRemitMap } from "@/lib/domain/model";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { createPerson, createTeam } from "@/prisma/factories";
import type { TDraftComparison, TDraftView } from "@/lib/domain/drafts";
import { publishDraft } from "./drafts";

const DRAFTS = "/api/v1/orgs/[orgSlug]/drafts";
const DRAFT = `${DRAFTS}/[draftId]`;

type TWorld = Awaited<ReturnType<typeof worldWithTeam>>;

/** The world's organisation with a team "Checkout" (PO and PM slots) and a person, Pia, holding its PM slot. */
async function worldWithTeam() {
  const world = await createMapWorld();
  const team = await createTeam(db, { organizationId: world.org.id, name: "Checkout", key: "checkout" });
  const pia = await createPerson(db, { organizationId: world.org.id, name: "Pia", key: "pia" });
  const pm = team.slots[1]!;
  const set = await callApi(`PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]`, {
    params: { orgSlug: world.org.slug, teamId: team.id, slotId: pm.id },
    as: world.as.editor,
    body: { holderId: pia.id },
  });
  expect(set.status).toBe(200);
  return { ...world, team, pia };
}

async function newDraft(world: TMapWorld, body: Record<string, unknown> = { name: "Split Checkout" }) {
  const answer = await callApi<{ draft: TDraftView }>(`POST ${DRAFTS}`, {
    params: { orgSlug: world.org.slug },
    as: world.as.editor,
    body,
  });
  expect(answer.status).toBe(201);
  return answer.body.draft;
}

async function state(world: TMapWorld, slug: string): Promise<TRemitMap> {
  const answer = await callApi<{ map: TRemitMap }>("GET /api/v1/orgs/[orgSlug]/state", {
    params: { orgSlug: slug },
    as: world.as.viewer,
  });
  expect(answer.status).toBe(200);
  return answer.body.map;
}

const renameTeam = (world: TMapWorld, slug: string, teamKey: string, name: string) =>
  callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
    params: { orgSlug: slug, teamId: teamKey },
    as: world.as.editor,
    body: { name },
  });

const publish = (world: TWorld, draftId: string, body?: object) =>
  callApi<{ draft: TDraftView; groupId: string }>(`POST ${DRAFT}/publish`, {
    params: { orgSlug: world.org.slug, draftId },
    as: world.as.editor,
    body,
  });

/** The parts of a map that keys name, without ids and versions (a draft's ids are its own). */
function byKeys(map: TRemitMap) {
  const teamKey = new Map(map.teams.map((team) => [team.id, team.key]));
  const personKey = new Map(map.people.map((person) => [person.id, person.key]));
  return {
    teams: map.teams.map(({ key, name }) => `${key}:${name}`).sort(),
    slots: map.slots
      .map(
        (slot) => `${teamKey.get(slot.teamId)}/${slot.key}:${slot.role}:${personKey.get(slot.holderId ?? "") ?? "-"}`,
      )
      .sort(),
  };
}

describe("drafts", () => {
  it("copy the live map, and edits on either side never reach the other", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    expect(byKeys(await state(world, draft.slug))).toEqual(byKeys(await state(world, world.org.slug)));
    const liveBefore = byKeys(await state(world, world.org.slug));

    expect((await renameTeam(world, draft.slug, "checkout", "Checkout (planned)")).status).toBe(200);
    expect(byKeys(await state(world, world.org.slug))).toEqual(liveBefore);

    expect((await renameTeam(world, world.org.slug, "checkout", "Checkout live")).status).toBe(200);
    expect((await state(world, draft.slug)).teams.map((team) => team.name)).toEqual(["Checkout (planned)"]);

    // Viewers read drafts, but cannot change them; strangers do not see them.
    const asViewer = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]", {
      params: { orgSlug: draft.slug, teamId: "checkout" },
      as: world.as.viewer,
      body: { name: "x" },
    });
    expect(asViewer.status).toBe(403);
    const asStranger = await callApi("GET /api/v1/orgs/[orgSlug]/state", {
      params: { orgSlug: draft.slug },
      as: world.as.stranger,
    });
    expect(asStranger.status).toBe(404);
    // Members and tokens are the live organisation's.
    const invitation = await callApi("POST /api/v1/orgs/[orgSlug]/invitations", {
      params: { orgSlug: draft.slug },
      as: world.as.editor,
      body: { email: "new@example.test", role: "VIEWER" },
    });
    expect(invitation.status).toBe(403);
  });

  it("compare with live: what changed, the flags it resolves and introduces, and health before and after", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    // In the draft, Pia moves from Checkout's PM slot to a new team's PM slot: Checkout's PM falls vacant.
    const team = await callApi<{ team: { id: string; slots: { id: string; key: string }[] } }>(
      "POST /api/v1/orgs/[orgSlug]/teams",
      { params: { orgSlug: draft.slug }, as: world.as.editor, body: { name: "Search", key: "search" } },
    );
    expect(team.status).toBe(201);
    const vacate = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]", {
      params: { orgSlug: draft.slug, teamId: "checkout", slotId: "pm" },
      as: world.as.editor,
      body: { holderId: null },
    });
    expect(vacate.status).toBe(200);
    const fill = await callApi("PATCH /api/v1/orgs/[orgSlug]/teams/[teamId]/slots/[slotId]", {
      params: { orgSlug: draft.slug, teamId: "search", slotId: "pm" },
      as: world.as.editor,
      body: { holderId: "pia" },
    });
    expect(fill.status).toBe(200);

    const compared = await callApi<TDraftComparison>(`GET ${DRAFT}/compare`, {
      params: { orgSlug: world.org.slug, draftId: draft.id },
      query: { with: "live" },
      as: world.as.viewer,
    });
    expect(compared.status).toBe(200);
    const { changes, flags, teams, with: other } = compared.body;
    expect(other).toEqual({ kind: "live", id: world.org.id, name: world.org.name });
    expect(changes.teams.added.map((entry) => entry.id)).toEqual(["search"]);
    expect(changes.slots.changed.map((entry) => entry.id)).toEqual(["checkout/pm"]);
    expect(flags.introduced.map((flag) => flag.key)).toContain("vacant_slot:checkout:pm");
    expect(flags.resolved.map((flag) => flag.key)).toContain("idle_slot:checkout:pm:pia");
    expect(teams.map((row) => row.key)).toContain("search");
  });

  it("publish applies the draft's changes as one undoable action, and keeps the draft read-only", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    await renameTeam(world, draft.slug, "checkout", "Checkout (planned)");
    // Live changed something else meanwhile: it stays.
    await createPerson(db, { organizationId: world.org.id, name: "Lou", key: "lou" });

    const published = await publish(world, draft.id);
    expect(published.status).toBe(200);
    expect(published.body.draft.publishedAt).not.toBeNull();
    const live = await state(world, world.org.slug);
    expect(live.teams.map((team) => team.name)).toEqual(["Checkout (planned)"]);
    expect(live.people.map((person) => person.key).sort()).toEqual(["lou", "pia"]);

    const journal = await callApi<TJournalPage>("GET /api/v1/orgs/[orgSlug]/journal", {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
    });
    expect(journal.body.groups[0]).toMatchObject({
      groupId: published.body.groupId,
      action: "draft.publish",
      entryCount: 1,
    });

    expect((await renameTeam(world, draft.slug, "checkout", "Later")).status).toBe(403);
    expect((await publish(world, draft.id)).status).toBe(409);

    const undone = await callApi("POST /api/v1/orgs/[orgSlug]/journal/[entryId]/undo", {
      params: { orgSlug: world.org.slug, entryId: published.body.groupId },
      as: world.as.editor,
    });
    expect(undone.status).toBe(200);
    expect((await state(world, world.org.slug)).teams.map((team) => team.name)).toEqual(["Checkout"]);
  });

  it("publish shows each conflict, and applies the choice made for it", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    await renameTeam(world, draft.slug, "checkout", "Checkout (draft)");
    await renameTeam(world, world.org.slug, "checkout", "Checkout (live)");

    const refused = await publish(world, draft.id);
    expect(refused.status).toBe(409);
    const { conflicts } = refused.body as unknown as { conflicts: TMergeConflict[] };
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: "team:checkout", kind: "team", label: "Checkout (draft)" });
    expect(conflicts[0]!.live).toMatchObject({ name: "Checkout (live)" });
    expect(conflicts[0]!.draft).toMatchObject({ name: "Checkout (draft)" });
    expect((await state(world, world.org.slug)).teams.map((team) => team.name)).toEqual(["Checkout (live)"]);

    const chosen = await publish(world, draft.id, { choices: { "team:checkout": "draft" } });
    expect(chosen.status).toBe(200);
    expect((await state(world, world.org.slug)).teams.map((team) => team.name)).toEqual(["Checkout (draft)"]);
  });

  it("publish is all or nothing: a failure half-way leaves live as it was", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    await renameTeam(world, draft.slug, "checkout", "Checkout (planned)");
    await callApi("POST /api/v1/orgs/[orgSlug]/teams", {
      params: { orgSlug: draft.slug },
      as: world.as.editor,
      body: { name: "Boom", key: "boom" },
    });
    const before = byKeys(await state(world, world.org.slug));
    // The database refuses the new team once the rename has been written.
    const trigger = `refuse_boom_${world.org.id.slice(-8)}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.key = 'boom' AND NEW.organization_id = '${world.org.id}' THEN RAISE EXCEPTION 'boom'; END IF;
      RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON team FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    const editor = await db.membership.findFirstOrThrow({
      where: { organizationId: world.org.id, role: "MANAGER" },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    const actor = { kind: "user" as const, userId: editor.user.id, email: editor.user.email, name: editor.user.name };
    try {
      await expect(publishDraft({ actor, orgSlug: world.org.slug, draftId: draft.id })).rejects.toThrow(/boom/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON team`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    }
    expect(byKeys(await state(world, world.org.slug))).toEqual(before);
    expect((await db.draft.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toBeNull();
  });

  it("publish keeps what others add to live while it waits for the map's lock", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    expect((await renameTeam(world, draft.slug, "checkout", "Planned")).status).toBe(200);
    // Another import holds live's map (its organisation row) while the publish starts.
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holderPid = 0;
    let locked = () => undefined as void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        holderPid = row!.pid;
        await tx.$queryRaw`SELECT id FROM organization WHERE id = ${world.org.id} FOR SHARE`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const published = publish(world, draft.id);
    await expect
      .poll(
        async () => {
          const [row] = await db.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE ${holderPid}::int = ANY(pg_blocking_pids(pid))`;
          return row?.waiting ?? 0;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    // Someone adds a team to live meanwhile; then the lock is released and the publish goes on.
    const added = await createTeam(db, { organizationId: world.org.id, name: "Added meanwhile", key: "added" });
    release();
    await holder;
    expect((await published).status).toBe(200);
    const teams = (await state(world, world.org.slug)).teams;
    expect(teams.map((team) => [team.key, team.name]).sort()).toEqual([
      ["added", "Added meanwhile"],
      ["checkout", "Planned"],
    ]);
    expect(teams.find((team) => team.key === "added")?.id).toBe(added.id);
  });

  it("list, rename, duplicate and discard", async () => {
    const world = await worldWithTeam();
    const draft = await newDraft(world);
    await renameTeam(world, draft.slug, "checkout", "Planned");
    const copy = await newDraft(world, { name: "Plan B", from: draft.id });
    expect((await state(world, copy.slug)).teams.map((team) => team.name)).toEqual(["Planned"]);

    const renamed = await callApi<{ draft: TDraftView }>(`PATCH ${DRAFT}`, {
      params: { orgSlug: world.org.slug, draftId: draft.id },
      as: world.as.editor,
      body: { name: "Plan A", description: "Split it" },
    });
    expect(renamed.body.draft).toMatchObject({ name: "Plan A", description: "Split it" });
    const list = await callApi<{ drafts: TDraftView[] }>(`GET ${DRAFTS}`, {
      params: { orgSlug: world.org.slug },
      as: world.as.viewer,
    });
    expect(list.body.drafts.map((item) => item.name)).toEqual(["Plan B", "Plan A"]);

    const discarded = await callApi(`DELETE ${DRAFT}`, {
      params: { orgSlug: world.org.slug, draftId: draft.id },
      as: world.as.editor,
    });
    expect(discarded.status).toBe(200);
    expect(await db.organization.count({ where: { slug: draft.slug } })).toBe(0);
    expect((await state(world, world.org.slug)).teams.map((team) => team.name)).toEqual(["Checkout"]);
    // Drafts are not organisations of their own in the list of organisations.
    const organizations = await callApi<{ organizations: { slug: string }[] }>("GET /api/v1/orgs", {
      as: world.as.editor,
    });
    expect(organizations.body.organizations.map((organization) => organization.slug)).not.toContain(copy.slug);
  });
});
