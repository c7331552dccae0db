// Which flags a change can alter, and how to judge them a part at a time: a change is judged on the rows around the
// teams and people it touches, in parts of a few dozen teams, instead of on the whole map at once.
import { PERSON_FLAG_KINDS, type TRuleFlag } from "./analyze-map";
import type { TJournalEntity, TJournalRow } from "./journal";

/** Teams and people by id: those whose flags are judged, or those whose rows are read. */
export type TFlagScope = { teams: ReadonlySet<string>; people: ReadonlySet<string> };

/** Rows to read: those of `teams` and `people`, and of the teams where `heldBy` hold a slot (see rowsToRead). */
export type TRowsToRead = TFlagScope & { heldBy: ReadonlySet<string> };

type TRowChange = { entity: TJournalEntity; before: TJournalRow | null; after: TJournalRow | null };

const rowsOf = (change: TRowChange) => [change.before, change.after].filter((row) => row !== null);
const holderOf = (row: TJournalRow) => (row.holder_id == null ? null : String(row.holder_id));

/**
 * The teams and people whose flags `changes` can alter. A team flag depends only on its team's rows, its slots'
 * holders and the duties and rules; a person flag only on the slots they hold (and those slots' teams). So a cell
 * touches its team; a slot its team and its holders before and after; a team or person row itself. A duty's row
 * (which every team's cells follow) or a rule's can alter any team's flags: `everyTeam`.
 */
export function flagScopeOf(changes: readonly TRowChange[]): TFlagScope & { everyTeam: boolean } {
  const teams = new Set<string>();
  const people = new Set<string>();
  let everyTeam = false;
  for (const change of changes) {
    for (const row of rowsOf(change)) {
      if (change.entity === "duty" || change.entity === "rule") everyTeam = true;
      else if (change.entity === "team") teams.add(row.id);
      else if (change.entity === "person") people.add(row.id);
      else {
        teams.add(String(row.team_id));
        const holder = change.entity === "slot" ? holderOf(row) : null;
        if (holder !== null) people.add(holder);
      }
    }
  }
  return { teams, people, everyTeam };
}

/**
 * `scope` in parts of about `size` teams, to judge one at a time. Each person goes with a team where they hold a
 * slot (`homeOf`, today; else one where `changes` show them holding one), so that a part reads few teams besides its
 * own; a person who holds no slot, now or in `changes`, has no person flag to judge.
 */
export function scopeParts(
  scope: TFlagScope,
  homeOf: ReadonlyMap<string, string>,
  changes: readonly TRowChange[],
  size: number,
): TFlagScope[] {
  const heldInChanges = new Map<string, string>();
  for (const change of changes) {
    if (change.entity !== "slot") continue;
    for (const row of rowsOf(change)) {
      const holder = holderOf(row);
      if (holder !== null && !heldInChanges.has(holder)) heldInChanges.set(holder, String(row.team_id));
    }
  }
  const units = new Map<string, { judged: boolean; people: string[] }>();
  for (const team of scope.teams) units.set(team, { judged: true, people: [] });
  for (const person of scope.people) {
    const home = homeOf.get(person) ?? heldInChanges.get(person);
    if (home === undefined) continue;
    const unit = units.get(home);
    if (unit) unit.people.push(person);
    else units.set(home, { judged: false, people: [person] });
  }
  const keys = [...units.keys()].sort();
  const parts: TFlagScope[] = [];
  for (let start = 0; start < keys.length; start += size) {
    const teams = new Set<string>();
    const people = new Set<string>();
    for (const key of keys.slice(start, start + size)) {
      const unit = units.get(key)!;
      if (unit.judged) teams.add(key);
      for (const person of unit.people) people.add(person);
    }
    parts.push({ teams, people });
  }
  return parts;
}

/**
 * What to read to judge `part` exactly, besides every duty and rule and the teams where its people hold a slot
 * today (`heldBy`), each team read whole: its teams and those where `changes` show its people holding a slot; the
 * rows of its people, of every holder `changes` show (a slot whose holder is missing would look vacant) and of the
 * holders of every team read.
 */
export function rowsToRead(part: TFlagScope, changes: readonly TRowChange[]): TRowsToRead {
  const teams = new Set(part.teams);
  const people = new Set(part.people);
  for (const change of changes) {
    if (change.entity !== "slot") continue;
    for (const row of rowsOf(change)) {
      const holder = holderOf(row);
      if (holder === null) continue;
      people.add(holder);
      if (part.people.has(holder)) teams.add(String(row.team_id));
    }
  }
  return { teams, people, heldBy: part.people };
}

/**
 * The changes that bear on the rows of `teams` (the teams a part read): those of their teams, slots and cells, and
 * every change of a person, duty or rule. The others concern rows of teams the part does not hold, which the
 * analysis would pass over.
 */
export function changesAround<Change extends TRowChange>(
  changes: readonly Change[],
  teams: ReadonlySet<string>,
): Change[] {
  return changes.filter((change) => {
    if (change.entity === "team") return teams.has(change.before?.id ?? change.after!.id);
    if (change.entity === "slot" || change.entity === "assignment") {
      return rowsOf(change).some((row) => teams.has(String(row.team_id)));
    }
    return true;
  });
}

/**
 * The flags of `flags` that lie in `scope`: team flags of its teams and person flags of its people. Judged on the
 * rows `rowsToRead` names, these are exactly the whole map's; the others there may not be.
 */
export function flagsInScope(flags: readonly TRuleFlag[], scope: TFlagScope): TRuleFlag[] {
  return flags.filter((flag) =>
    PERSON_FLAG_KINDS.has(flag.kind)
      ? "person" in flag && scope.people.has(flag.person.id)
      : "team" in flag && scope.teams.has(flag.team.id),
  );
}
