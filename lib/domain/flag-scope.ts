// Which flags a change can alter: those of the teams and people its rows touch, unless it changes what every team is
// judged by (a duty or a rule). Lets a change be judged on the few rows around it instead of the whole map.
import { PERSON_FLAG_KINDS, type TRuleFlag } from "./analyze-map";
import type { TJournalEntity, TJournalRow } from "./journal";

/** The teams and people (by id) whose flags a change can alter. */
export type TFlagScope = { teams: ReadonlySet<string>; people: ReadonlySet<string> };

type TRowChange = { entity: TJournalEntity; before: TJournalRow | null; after: TJournalRow | null };

/**
 * The teams and people whose flags `changes` can alter, or null when they can alter any team's (a duty's row, which
 * every team's cells follow, or a rule's). A team flag depends only on its team's rows, its slots' holders and the
 * duties and rules; a person flag only on the slots they hold (and those slots' teams). So a cell touches its team;
 * a slot its team and its holders before and after; a team or person row itself.
 */
export function flagScopeOf(changes: readonly TRowChange[]): TFlagScope | null {
  const teams = new Set<string>();
  const people = new Set<string>();
  for (const change of changes) {
    if (change.entity === "duty" || change.entity === "rule") return null;
    for (const row of [change.before, change.after]) {
      if (!row) continue;
      if (change.entity === "team") teams.add(row.id);
      else if (change.entity === "person") people.add(row.id);
      else {
        teams.add(String(row.team_id));
        if (change.entity === "slot" && row.holder_id != null) people.add(String(row.holder_id));
      }
    }
  }
  return { teams, people };
}

/**
 * The flags of `flags` that lie in `scope`: team flags of its teams and person flags of its people. Judged on a
 * part of the map that holds the whole of those teams and every slot of those people (see flagScopeOf), these are
 * exactly the whole map's; the part's other flags may not be, and a change outside the scope alters none of them.
 */
export function flagsInScope(flags: readonly TRuleFlag[], scope: TFlagScope): TRuleFlag[] {
  return flags.filter((flag) =>
    PERSON_FLAG_KINDS.has(flag.kind)
      ? "person" in flag && scope.people.has(flag.person.id)
      : "team" in flag && scope.teams.has(flag.team.id),
  );
}
