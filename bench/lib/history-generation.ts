// A year of use, written through the real write path in-process: each organisation is created and its generated map
// imported with their journal entries dated a year ago (`writingAt`), then every day gets a bulk edit of cells (one
// set-based UPDATE through the map writer, whose journal trigger makes one entry per row) and, on some days, the
// use cases a person would call: a slot's holder changed, a person renamed, a team created or deleted. Nothing edits
// journal rows. The plan also keeps the actions the history benchmark undoes and the teams it restores.
import { db } from "@/lib/db";
import { generateMap } from "@/lib/domain/generate-map";
import { mapToDocument } from "@/lib/domain/map-document";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { writingAt } from "@/lib/server/kernel/journal-context";
import { mapWriter, type TMapWriter } from "@/lib/server/kernel/map-write";
import { importMap } from "@/lib/server/map/import-map";
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { updatePerson } from "@/lib/server/people/update-person";
import { updateSlot } from "@/lib/server/slots/update-slot";
import { createTeam } from "@/lib/server/teams/create-team";
import { deleteTeam } from "@/lib/server/teams/delete-team";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { BENCH_SEED } from "./organisations";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A history organisation as the measurements need it: its address, token, size, and what to undo and restore. */
export type THistoryOrganisation = {
  slug: string;
  organizationId: string;
  token: string;
  teams: number;
  journalEntries: number;
  /** Cells the bulk edits changed a day. */
  cellsPerDay: number;
  /** A team whose past the reads ask for (not one that is restored). */
  readTeam: string;
  /** Journal groups (each one person renamed) to undo, oldest first, with when they happened. */
  undoGroups: { groupId: string; at: string }[];
  /** Teams (ids) changed after `restoreTo`, each to be restored once. */
  restoreTeams: string[];
  /** The moment the restore benchmark puts `restoreTeams` back to. */
  restoreTo: string;
};

type TIds = {
  teams: { id: string; key: string }[];
  people: string[];
  /** Consulted or informed cells, in a fixed order: the bulk edits flip them between the two. */
  cells: string[];
};

async function readIds(organizationId: string): Promise<TIds> {
  const [teams, people, cells] = await Promise.all([
    db.team.findMany({ where: { organizationId }, select: { id: true, key: true }, orderBy: { key: "asc" } }),
    db.person.findMany({ where: { organizationId }, select: { id: true }, orderBy: { key: "asc" } }),
    db.assignment.findMany({
      where: { organizationId, level: { in: ["consulted", "informed"] } },
      select: { id: true },
      orderBy: [{ teamId: "asc" }, { id: "asc" }],
    }),
  ]);
  return { teams, people: people.map((person) => person.id), cells: cells.map((cell) => cell.id) };
}

const countEntries = async (organizationId: string) => db.journalEntry.count({ where: { organizationId } });

/** One bulk edit: `ids` flip between consulted and informed, one journal entry each, as one action. */
function flipCells(writer: TMapWriter, ids: readonly string[]): Promise<number> {
  return writer.write(
    { action: "assignment.set", entity: "assignment" },
    ({ tx, organizationId }) =>
      tx.$executeRaw`
      UPDATE assignment
      SET level = (CASE level WHEN 'consulted' THEN 'informed' ELSE 'consulted' END)::"RaciLevel",
          version = version + 1, updated_at = now()
      WHERE organization_id = ${organizationId} AND id = ANY(${ids}::text[])`,
  );
}

/** The next `count` cells of the rotation. */
function takeCells(cells: readonly string[], cursor: { at: number }, count: number): string[] {
  const taken: string[] = [];
  for (let index = 0; index < count && cells.length > 0; index++) taken.push(cells[cursor.at++ % cells.length]!);
  return taken;
}

async function latestPersonGroup(organizationId: string, personId: string): Promise<string> {
  const entry = await db.journalEntry.findFirst({
    where: { organizationId, entity: "person", entityId: personId },
    orderBy: { id: "desc" },
    select: { groupId: true },
  });
  if (!entry) throw new Error(`No journal entry for person ${personId}.`);
  return entry.groupId;
}

/** Gives the team's first slot another holder. */
async function changeHolder(
  call: { actor: TActor; orgSlug: string },
  organizationId: string,
  teamId: string,
  personId: string,
) {
  const slot = await db.slot.findFirst({
    where: { organizationId, teamId },
    orderBy: { order: "asc" },
    select: { id: true, holderId: true },
  });
  if (!slot || slot.holderId === personId) return;
  await updateSlot({ ...call, teamId, slotId: slot.id, changes: { holderId: personId } });
}

export type THistoryPlan = {
  slug: string;
  teams: number;
  /**
   * How much to write: as many journal entries in all as `entries`, its import's included, or `cellsPerDay` cells
   * changed a day (a short journal at the rate of a long one).
   */
  volume: { entries: number } | { cellsPerDay: number };
  /** Days of history before now: 365 for a year, 31 for a short journal (the health history's window and a day). */
  days: number;
  /** How many undo groups and restore teams to prepare (one per timed run and warm-up). */
  samples: number;
};

/**
 * Creates the organisation and writes its history, its entries dated from `plan.days` ago to a few hours ago, in
 * order. Undo groups are person renames dated 300 days ago (or, on a short journal, 18 hours ago); restore teams have
 * a slot holder changed after their restore moment (200 days ago, or 12 hours ago).
 */
export async function generateHistory({
  actor,
  plan,
  now,
  log,
}: {
  actor: TActor & { kind: "user" };
  plan: THistoryPlan;
  now: number;
  log: (message: string) => void;
}): Promise<THistoryOrganisation> {
  const isYear = plan.days >= 365;
  const start = now - plan.days * DAY_MS;
  const orgSlug = plan.slug;
  const call = { actor, orgSlug };
  const organization = await writingAt(new Date(start - 2 * HOUR_MS), () =>
    createOrganization({ actor, name: `History ${plan.slug}`, slug: plan.slug }),
  );
  const organizationId = organization.id;
  const token = await createApiToken({ actor, orgSlug, name: "bench", role: "MANAGER" });
  const document = mapToDocument(generateMap({ teams: plan.teams, seed: BENCH_SEED }));
  await writingAt(new Date(start - HOUR_MS), () => importMap({ actor, orgSlug, input: document }));
  const ids = await readIds(organizationId);
  const writer = mapWriter(await authorize({ actor, orgSlug, permission: "edit_map" }));

  // Moments of the actions the benchmark undoes and the teams it restores.
  const undoAt = isYear ? now - 300 * DAY_MS : now - 18 * HOUR_MS;
  const restoreTo = isYear ? now - 200 * DAY_MS : now - 12 * HOUR_MS;
  const restoreChangeAt = isYear ? now - 60 * DAY_MS : now - 6 * HOUR_MS;
  const undoPeople = ids.people.slice(-plan.samples);
  const restoreTeams = ids.teams.slice(0, plan.samples).map((team) => team.id);
  // People who take over slots: from the middle of the list, never those whose renames are undone.
  const holders = ids.people.slice(Math.floor(ids.people.length / 2), -plan.samples);

  // The bulk edits: as many cells a day as `plan.volume` asks for; on a short journal, four edits a day.
  const smallWrites = isYear ? 365 / 2 + 365 / 3 + (365 / 7) * 3 : 8;
  const cellsPerDay =
    "cellsPerDay" in plan.volume
      ? plan.volume.cellsPerDay
      : Math.ceil((plan.volume.entries - (await countEntries(organizationId)) - smallWrites) / plan.days);
  const editsPerDay = isYear ? 1 : 4;
  const perEdit = Math.max(1, Math.ceil(cellsPerDay / editsPerDay));
  const cursor = { at: 0 };
  let createdTeam: string | null = null;
  let personCursor = 0;
  let holderCursor = 0;
  const startedAt = performance.now();

  type TAction = { at: number; run: () => Promise<unknown> };
  const actions: TAction[] = [];
  for (let day = 0; day < plan.days; day++) {
    const dayStart = start + day * DAY_MS;
    for (let edit = 0; edit < editsPerDay; edit++) {
      const at = dayStart + (isYear ? 9 * HOUR_MS : (2 + edit * 6) * HOUR_MS);
      actions.push({ at, run: () => flipCells(writer, takeCells(ids.cells, cursor, perEdit)) });
    }
    if (!isYear) continue;
    if (day % 2 === 0) {
      const team = ids.teams[(plan.samples + day * 7) % ids.teams.length]!.id;
      actions.push({
        at: dayStart + 11 * HOUR_MS,
        run: () => changeHolder(call, organizationId, team, holders[holderCursor++ % holders.length]!),
      });
    }
    if (day % 3 === 0) {
      const person = ids.people[personCursor++ % (ids.people.length - plan.samples)]!;
      actions.push({
        at: dayStart + 14 * HOUR_MS,
        run: () => updatePerson({ ...call, personId: person, changes: { name: `Renamed on day ${day}` } }),
      });
    }
    if (day % 7 === 3) {
      actions.push({
        at: dayStart + 15 * HOUR_MS,
        run: async () => {
          if (createdTeam) await deleteTeam({ ...call, teamId: createdTeam });
          createdTeam = (await createTeam({ ...call, name: `Planned team ${day}` })).id;
        },
      });
    }
  }
  undoPeople.forEach((person, index) =>
    actions.push({
      at: undoAt + index * MINUTE_MS,
      run: () => updatePerson({ ...call, personId: person, changes: { name: `Renamed for undo ${index}` } }),
    }),
  );
  restoreTeams.forEach((team, index) =>
    actions.push({
      at: restoreChangeAt + index * MINUTE_MS,
      run: () => changeHolder(call, organizationId, team, holders[(holderCursor++ * 13) % holders.length]!),
    }),
  );
  actions.sort((a, b) => a.at - b.at);
  for (const [index, action] of actions.entries()) {
    await writingAt(new Date(action.at), action.run);
    if (index % 100 === 99) log(`history of ${orgSlug}: ${index + 1} of ${actions.length} actions`);
  }

  const undoGroups = [];
  for (const [index, person] of undoPeople.entries()) {
    undoGroups.push({
      groupId: await latestPersonGroup(organizationId, person),
      at: new Date(undoAt + index * MINUTE_MS).toISOString(),
    });
  }
  const journalEntries = await countEntries(organizationId);
  log(
    `history of ${orgSlug}: ${journalEntries.toLocaleString("en-US")} journal entries over ${plan.days} days in ` +
      `${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
  );
  return {
    slug: orgSlug,
    organizationId,
    token: token.secret,
    teams: plan.teams,
    journalEntries,
    cellsPerDay,
    readTeam: ids.teams[Math.floor(ids.teams.length / 2)]!.id,
    undoGroups,
    restoreTeams,
    restoreTo: new Date(restoreTo).toISOString(),
  };
}
