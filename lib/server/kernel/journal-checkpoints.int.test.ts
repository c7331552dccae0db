import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mapFromRows, rewindRows } from "@/lib/domain/journal";
import type { TRemitMap } from "@/lib/domain/model";
import { callApi, createMapWorld, type TMapWorld } from "@/lib/server/testing/map-world";
import { sortedMap } from "@/lib/server/testing/sorted-map";
import { createTeam } from "@/prisma/factories";
import { readMapRows } from "./apply-rows";
import { checkpointJournal } from "./journal-checkpoints";
import { writingAt } from "./journal-context";
import { readRewindEntries } from "./journal-entries";
import { loadMap } from "./load-map";
import { loadMapAt, readRowsAt } from "./map-at";
import { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 86_400_000;
const ORG = "/api/v1/orgs/[orgSlug]";

const withCellsOf = (map: TRemitMap, teamId: string): TRemitMap => ({
  ...map,
  assignments: map.assignments.filter((cell) => cell.teamId === teamId),
});

/** A small deterministic generator, so that a failure can be run again. */
function randomFrom(seed: number) {
  let state = seed;
  const int = (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

type TCaptured = { at: Date; map: TRemitMap };

/**
 * Writes through the API, each dated `at` (writingAt), as an editor would over a year: cells set and cleared, teams
 * renamed, created and deleted, people added and made holders. Answers the map after each write, captured then.
 */
async function buildHistory(world: TMapWorld, { from, steps, seed }: { from: number; steps: number; seed: number }) {
  const random = randomFrom(seed);
  const orgSlug = world.org.slug;
  const as = world.as.editor;
  const captured: TCaptured[] = [];
  const duties = await db.duty.findMany({ where: { organizationId: world.org.id }, select: { id: true } });
  for (let step = 0; step < steps; step++) {
    const at = new Date(from + step * 5 * DAY_MS + random.int(DAY_MS));
    const map = await loadMap({ organizationId: world.org.id });
    const team = random.pick(map.teams);
    const slots = map.slots.filter((slot) => slot.teamId === team?.id);
    const kind = map.teams.length < 2 ? 0 : random.int(10);
    const answer = await writingAt(at, async () => {
      if (kind === 0) {
        return callApi(`POST ${ORG}/teams`, { params: { orgSlug }, as, body: { name: `Team ${step}` } });
      }
      if (kind === 1 && map.teams.length > 2) {
        return callApi(`DELETE ${ORG}/teams/[teamId]`, { params: { orgSlug, teamId: team!.id }, as });
      }
      if (kind === 2) {
        return callApi(`PATCH ${ORG}/teams/[teamId]`, {
          params: { orgSlug, teamId: team!.id },
          as,
          body: { name: `Renamed ${step}` },
        });
      }
      if (kind === 3) {
        return callApi(`POST ${ORG}/people`, { params: { orgSlug }, as, body: { name: `Person ${step}` } });
      }
      if (kind === 4 && map.people.length > 0 && slots.length > 0) {
        return callApi(`PATCH ${ORG}/teams/[teamId]/slots/[slotId]`, {
          params: { orgSlug, teamId: team!.id, slotId: random.pick(slots).id },
          as,
          body: { holderId: random.pick(map.people).id },
        });
      }
      return callApi(`PUT ${ORG}/teams/[teamId]/assignments`, {
        params: { orgSlug, teamId: team!.id },
        as,
        body: {
          dutyId: random.pick(duties).id,
          slotId: random.pick(slots).id,
          level: random.pick(["accountable", "responsible", "consulted", "informed", null]),
        },
      });
    });
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    captured.push({ at, map: await loadMap({ organizationId: world.org.id }) });
  }
  return captured;
}

/** The organisation as made (`initial.map` at `initial.at`), and nothing before. */
type TInitial = { at: Date; map: TRemitMap };
const EMPTY: TRemitMap = { people: [], teams: [], slots: [], duties: [], assignments: [] };

/** The map captured at the last write dated at or before `moment`. */
function capturedAt(initial: TInitial, captured: readonly TCaptured[], moment: Date): TRemitMap {
  const last = captured.filter((capture) => capture.at <= moment).at(-1)?.map;
  return last ?? (moment >= initial.at ? initial.map : EMPTY);
}

/** Every capture's moment, a moment before each, and before and after the whole history. */
function momentsOf(initial: TInitial, captured: readonly TCaptured[]): Date[] {
  return [
    new Date(initial.at.getTime() - 1),
    initial.at,
    new Date(captured[0]!.at.getTime() - DAY_MS),
    ...captured.flatMap(({ at }) => [at, new Date(at.getTime() - 1), new Date(at.getTime() + 1)]),
    new Date(captured.at(-1)!.at.getTime() + DAY_MS),
  ];
}

/** loadMapAt, and one team's, at every moment, against the maps captured then. */
async function expectMapsAsCaptured(world: TMapWorld, initial: TInitial, captured: readonly TCaptured[]) {
  for (const moment of momentsOf(initial, captured)) {
    const expected = capturedAt(initial, captured, moment);
    const label = moment.toISOString();
    expect(sortedMap(await loadMapAt(world.org.id, moment)), label).toEqual(sortedMap(expected));
    const team = expected.teams[0];
    if (team) {
      expect(sortedMap(await loadMapAt(world.org.id, moment, team.key)), `${label}, ${team.key}`).toEqual(
        sortedMap(withCellsOf(expected, team.id)),
      );
    }
  }
}

async function checkpointMoments(organizationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ at: Date }[]>`
    SELECT DISTINCT at FROM journal_checkpoint WHERE organization_id = ${organizationId} ORDER BY at`;
  return rows.map((row) => row.at.toISOString());
}

/** An organisation with two teams, all of it dated over a year ago, before any history the tests write. */
async function worldWithTeams() {
  const at = new Date(Date.now() - 400 * DAY_MS);
  return writingAt(at, async () => {
    const world = await createMapWorld();
    await createTeam(db, { organizationId: world.org.id, name: "Checkout" });
    await createTeam(db, { organizationId: world.org.id, name: "Search" });
    return { world, initial: { at, map: await loadMap({ organizationId: world.org.id }) } };
  });
}

describe("journal checkpoints", () => {
  it("time travel from checkpoints gives the maps as they were, for the whole map and one team", async () => {
    const { world, initial } = await worldWithTeams();
    const yearAgo = Date.now() - 366 * DAY_MS;
    const captured = await buildHistory(world, { from: yearAgo, steps: 45, seed: 7 });

    await checkpointJournal(world.org.id, 8);
    const moments = await checkpointMoments(world.org.id);
    expect(moments.length).toBeGreaterThan(3);
    // Exactly on a checkpoint's moment, and either side of it.
    for (const moment of moments) {
      for (const offset of [-1, 0, 1]) {
        const at = new Date(Date.parse(moment) + offset);
        expect(sortedMap(await loadMapAt(world.org.id, at))).toEqual(sortedMap(capturedAt(initial, captured, at)));
      }
    }
    // Writes after the checkpoints (dated later, and now) are rewound from today's rows, or after the checkpoints.
    const later = await buildHistory(world, { from: Date.now() - 40 * DAY_MS, steps: 6, seed: 8 });
    await expectMapsAsCaptured(world, initial, [...captured, ...later]);

    // Running it again makes none until enough entries have come, and the ones it makes still agree.
    await checkpointJournal(world.org.id, 8);
    expect((await checkpointMoments(world.org.id)).slice(0, moments.length)).toEqual(moments);
    await expectMapsAsCaptured(world, initial, [...captured, ...later]);
  });

  it("agrees with a full rewind of today's rows, and with a stale checkpoint far behind", async () => {
    const { world, initial } = await worldWithTeams();
    const first = await buildHistory(world, { from: Date.now() - 300 * DAY_MS, steps: 20, seed: 11 });
    await checkpointJournal(world.org.id, 6);
    const stale = await checkpointMoments(world.org.id);
    expect(stale.length).toBeGreaterThan(1);
    const second = await buildHistory(world, { from: Date.now() - 150 * DAY_MS, steps: 25, seed: 12 });
    await expectMapsAsCaptured(world, initial, [...first, ...second]);

    for (const { at } of [...first, ...second]) {
      const full = await db.$transaction(
        async (tx) => {
          const rows = await readMapRows(tx, world.org.id);
          return rewindRows(rows, await readRewindEntries(tx, world.org.id, Prisma.sql`at > ${at}`));
        },
        { isolationLevel: "RepeatableRead" },
      );
      const fromCheckpoint = await db.$transaction((tx) => readRowsAt(tx, world.org.id, at), {
        isolationLevel: "RepeatableRead",
      });
      expect(sortedMap(mapFromRows(fromCheckpoint.rows))).toEqual(sortedMap(mapFromRows(full)));
    }
    // A team restored to a moment before the checkpoint comes back as it was then.
    const moment = first[10]!.at;
    const then = capturedAt(initial, first, moment);
    const team = then.teams.find((candidate) => initial.map.teams.some((kept) => kept.id === candidate.id))!;
    const restored = await callApi(`POST ${ORG}/teams/[teamId]/restore`, {
      params: { orgSlug: world.org.slug, teamId: team.id },
      as: world.as.editor,
      body: { at: moment.toISOString() },
    });
    if (restored.status === 200) {
      const now = await loadMap({ organizationId: world.org.id });
      const cells = (map: TRemitMap) =>
        withCellsOf(map, team.id)
          .assignments.map(({ version: _version, ...cell }) => cell)
          .sort((a, b) => `${a.slotId}:${a.dutyId}`.localeCompare(`${b.slotId}:${b.dutyId}`));
      expect(cells(now)).toEqual(cells(then));
      expect(now.teams.find((candidate) => candidate.id === team.id)?.name).toBe(team.name);
    } else {
      // Refused only for a key or email taken since, or a holder deleted since: not the case here.
      expect(restored.body, "restore").toBeUndefined();
    }
  });

  it("two runs at once, with writes meanwhile, leave one consistent set of checkpoints", async () => {
    const { world, initial } = await worldWithTeams();
    const captured = await buildHistory(world, { from: Date.now() - 200 * DAY_MS, steps: 30, seed: 21 });
    const [, , writes] = await Promise.all([
      checkpointJournal(world.org.id, 5),
      checkpointJournal(world.org.id, 5),
      buildHistory(world, { from: Date.now() - 2 * DAY_MS, steps: 2, seed: 22 }),
    ]);
    await checkpointJournal(world.org.id, 5);
    const parts = await db.$queryRaw<{ at: Date; parts: bigint }[]>`
      SELECT at, count(*) AS parts FROM journal_checkpoint WHERE organization_id = ${world.org.id} GROUP BY at`;
    expect(parts.length).toBeGreaterThan(3);
    // Every checkpoint complete: its base part and the cell parts of its moment.
    for (const { at } of parts) {
      const [base] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM journal_checkpoint WHERE organization_id = ${world.org.id} AND at = ${at} AND part = ''`;
      expect(base?.n).toBe(1n);
    }
    await expectMapsAsCaptured(world, initial, [...captured, ...writes]);
  });

  it("go with their organisation", async () => {
    const { world } = await worldWithTeams();
    await buildHistory(world, { from: Date.now() - 100 * DAY_MS, steps: 8, seed: 31 });
    await checkpointJournal(world.org.id, 4);
    expect((await checkpointMoments(world.org.id)).length).toBeGreaterThan(0);
    await db.organization.delete({ where: { id: world.org.id } });
    expect(await checkpointMoments(world.org.id)).toEqual([]);
  });
});
