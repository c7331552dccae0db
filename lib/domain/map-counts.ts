import { countNoun } from "./count-noun";
import type { TRemitMap } from "./model";

/** How many of each kind of row a map has. */
export type TMapCounts = { teams: number; people: number; duties: number; slots: number; assignments: number };

export function mapCounts(map: TRemitMap): TMapCounts {
  return {
    teams: map.teams.length,
    people: map.people.length,
    duties: map.duties.length,
    slots: map.slots.length,
    assignments: map.assignments.length,
  };
}

/** "5 teams, 12 people, 11 duties, 20 slots and 80 assignments". */
export function describeMapCounts(counts: TMapCounts): string {
  const parts = [
    countNoun(counts.teams, "team"),
    countNoun(counts.people, "person", "people"),
    countNoun(counts.duties, "duty", "duties"),
    countNoun(counts.slots, "slot"),
  ];
  return `${parts.join(", ")} and ${countNoun(counts.assignments, "assignment")}`;
}
