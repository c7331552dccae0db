import { describe, expect, it } from "vitest";
import {
  emptyMapRows,
  JOURNAL_ENTITIES,
  rewindRows,
  type TJournalEntity,
  type TJournalRow,
  type TMapRows,
} from "./journal";
import {
  BASE_PART,
  cellPartOf,
  checkpointParts,
  rewindTo,
  rowsAtFromParts,
  rowsAtNow,
  type TCheckpointPart,
  type TRewindEntry,
  type TRowsAt,
  withCellsOf,
} from "./journal-checkpoint";

/** A small deterministic generator (mulberry32), so that a failing seed can be run again. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}

type TDatedEntry = TRewindEntry & { at: number };

/** Three teams, two of whose cells share a part (as teams do at scale). */
const TEAMS = (() => {
  const byPart = new Map<string, string>();
  for (let index = 0; ; index++) {
    const id = `t${index}`;
    const other = byPart.get(cellPartOf(id));
    if (other) return [other, id, "t-alone"];
    byPart.set(cellPartOf(id), id);
  }
})();

function rowOf(entity: TJournalEntity, id: string, random: ReturnType<typeof randomFrom>): TJournalRow {
  const row: TJournalRow = { id, organization_id: "o", name: `v${random.int(1000)}` };
  if (entity === "team") return { ...row, id: random.pick(TEAMS) };
  if (entity === "slot" || entity === "assignment") return { ...row, team_id: random.pick(TEAMS) };
  return row;
}

/**
 * A history: rows before the journal began, then random creates, updates and deletes across the five tables, with
 * dates that mostly follow the order of changes but tie and overlap (as transactions that overlap leave them).
 */
function generateHistory(seed: number) {
  const random = randomFrom(seed);
  const ids = (entity: TJournalEntity) =>
    entity === "team" ? TEAMS : Array.from({ length: 4 }, (_, index) => `${entity}-${index}`);
  const rows = emptyMapRows();
  for (const entity of JOURNAL_ENTITIES) {
    for (const id of ids(entity)) if (random.int(2) === 0) rows[entity].set(id, { ...rowOf(entity, id, random), id });
  }
  const entries: TDatedEntry[] = [];
  const count = random.int(60);
  for (let seq = 1; seq <= count; seq++) {
    const entity = random.pick(JOURNAL_ENTITIES);
    const id = random.pick(ids(entity));
    const before = rows[entity].get(id) ?? null;
    const deletes = before !== null && random.int(4) === 0;
    const after: TJournalRow | null = deletes
      ? null
      : { ...(before ?? rowOf(entity, id, random)), id, name: `v${random.int(1000)}` };
    if (after) rows[entity].set(id, after);
    else rows[entity].delete(id);
    const teamId =
      entity === "team" ? id : entity === "slot" || entity === "assignment" ? String((after ?? before)!.team_id) : null;
    entries.push({ seq, entity, entityId: id, teamId, before, at: seq * 10 + random.int(3) * 10 - 10 });
  }
  return { random, now: rows, entries };
}

const sorted = (rows: TMapRows) =>
  Object.fromEntries(
    JOURNAL_ENTITIES.map((entity) => [entity, [...rows[entity].entries()].sort(([a], [b]) => a.localeCompare(b))]),
  );

/** Through JSON, as the server stores a part. */
const stored = (state: TRowsAt) =>
  new Map([...checkpointParts(state)].map(([key, part]) => [key, JSON.parse(JSON.stringify(part)) as TCheckpointPart]));

describe("journal checkpoints", () => {
  it("rewinding today's rows in any order gives what rewinding newest first gives", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { now, entries, random } = generateHistory(seed);
      const moment = random.int(700);
      const later = entries.filter((entry) => entry.at > moment);
      const shuffled = [...later].sort(() => random.int(3) - 1);
      expect(sorted(rewindTo(rowsAtNow(now), shuffled).rows), `seed ${seed}`).toEqual(sorted(rewindRows(now, later)));
    }
  });

  it("a state at any moment, from the checkpoint after it, is the full rewind of today's rows", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { now, entries, random } = generateHistory(seed);
      const dates = entries.map((entry) => entry.at);
      const last = Math.max(0, ...dates);
      // Checkpoints at random moments, made as the server makes them: the newest from today, each older one from
      // the one after it, every one through storage.
      const moments = [...new Set(Array.from({ length: random.int(5) }, () => random.int(last + 20)))].sort(
        (a, b) => a - b,
      );
      const checkpoints = new Map<number, Map<string, TCheckpointPart>>();
      let state = rowsAtNow(now);
      let after = Infinity;
      for (const moment of [...moments].reverse()) {
        state = rewindTo(
          state,
          entries.filter((entry) => entry.at > moment && entry.at <= after),
        );
        checkpoints.set(moment, stored(state));
        after = moment;
      }
      const asked = [
        -10,
        0,
        last,
        last + 50,
        ...moments,
        ...moments.map((moment) => moment - 10),
        random.int(last + 1),
      ];
      for (const moment of asked) {
        const full = rewindRows(
          now,
          entries.filter((entry) => entry.at > moment),
        );
        const checkpoint = moments.find((candidate) => candidate >= moment);
        const between = entries.filter(
          (entry) => entry.at > moment && (checkpoint === undefined || entry.at <= checkpoint),
        );
        const from =
          checkpoint === undefined ? rowsAtNow(now) : rowsAtFromParts([...checkpoints.get(checkpoint)!.values()]);
        expect(sorted(rewindTo(from, between).rows), `seed ${seed}, moment ${moment}`).toEqual(sorted(full));

        // One team's past reads the base part and the team's own, and rewinds only the entries they hold.
        if (checkpoint === undefined) continue;
        const teamId = random.pick(TEAMS);
        const parts = checkpoints.get(checkpoint)!;
        const cellPart = parts.get(cellPartOf(teamId));
        const team = rewindTo(
          rowsAtFromParts([parts.get(BASE_PART)!, ...(cellPart ? [cellPart] : [])]),
          between.filter((entry) => entry.entity !== "assignment" || entry.teamId === teamId),
        );
        const ofTeam = new Map([...full.assignment].filter(([, row]) => row.team_id === teamId));
        expect(sorted(withCellsOf(team.rows, teamId)), `seed ${seed}, moment ${moment}, team ${teamId}`).toEqual(
          sorted({ ...full, assignment: ofTeam }),
        );
      }
    }
  });

  it("a row changed first by an entry dated after a later one keeps the earlier change's before", () => {
    const row = (name: string): TJournalRow => ({ id: "p1", organization_id: "o", name });
    const now = emptyMapRows();
    now.person.set("p1", row("c"));
    // Seq 1 (a → b) was dated 20, seq 2 (b → c) dated 10: its transaction began first and waited for the row.
    const first: TDatedEntry = { seq: 1, entity: "person", entityId: "p1", teamId: null, before: row("a"), at: 20 };
    const second: TDatedEntry = { seq: 2, entity: "person", entityId: "p1", teamId: null, before: row("b"), at: 10 };
    const checkpoint = rewindTo(rowsAtNow(now), [first]);
    expect(rewindTo(checkpoint, [second]).rows.person.get("p1")).toEqual(
      rewindRows(now, [first, second]).person.get("p1"),
    );
  });
});
