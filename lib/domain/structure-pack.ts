import type {
  TBox,
  TStructure,
  TStructurePerson,
  TStructurePlacement,
  TStructureSlot,
  TStructureTeam,
} from "./structure";

/**
 * The structure and its layout as the page and the API send them: column by column, every name and role once, teams
 * and people referred to by their place in their list, the layout's boxes as numbers. At 1,000 teams the objects of
 * `TStructure` take 2.4 MB of JSON with short ids (more with the database's), ids repeated in every slot and link;
 * this takes a quarter of that, and the browser
 * decodes it with one `JSON.parse` instead of value by value.
 */
export type TPackedStructure = {
  /** The picture's size. */
  width: number;
  height: number;
  /** Each group's name (null: the teams in no group), and its box as x, y, width, height, four numbers a group. */
  groups: { names: (string | null)[]; boxes: number[] };
  people: {
    keys: string[];
    names: string[];
    capacities: number[];
    /** The sum of the allocations of the slots they hold. */
    allocated: number[];
    overloaded: boolean[];
  };
  /** In the order of `TStructure.teams` (by group, then by name). */
  teams: {
    keys: string[];
    names: string[];
    /** The team's group, by its place in `groups`. */
    groups: number[];
    scores: number[];
    /** Errors, warnings and infos, three numbers a team. */
    flags: number[];
    /** The team's card as x, y, width, height, four numbers a team. */
    boxes: number[];
    /** How many of the slots below are each team's, in order. */
    slotCounts: number[];
  };
  /** Every team's slots, team after team. */
  slots: {
    /** The slot's role, by its place in `roles`. */
    roles: number[];
    /** The holder, by their place in `people`; -1 when the slot is vacant. */
    holders: number[];
    allocations: number[];
  };
  /** Each role's name once. */
  roles: string[];
  links: {
    /** The two teams, by their place in `teams`. */
    sources: number[];
    targets: number[];
    weights: number[];
    overloaded: boolean[];
    /** The people the two teams share, by their place in `people`. */
    people: number[][];
  };
};

/** Numbers of the layout, kept to a tenth of a pixel. */
const tenth = (value: number) => Math.round(value * 10) / 10;
const boxNumbers = (box: TBox) => [tenth(box.x), tenth(box.y), tenth(box.width), tenth(box.height)];

export function packStructure(structure: TStructure, placement: TStructurePlacement): TPackedStructure {
  const personIndex = new Map(structure.people.map((person, index) => [person.id, index]));
  const teamIndex = new Map(structure.teams.map((team, index) => [team.id, index]));
  const groupIndex = new Map(structure.groups.map((group, index) => [group.name, index]));
  const roles: string[] = [];
  const roleIndex = new Map<string, number>();
  const slots: TPackedStructure["slots"] = { roles: [], holders: [], allocations: [] };
  for (const team of structure.teams) {
    for (const slot of team.slots) {
      let role = roleIndex.get(slot.role);
      if (role === undefined) {
        role = roles.push(slot.role) - 1;
        roleIndex.set(slot.role, role);
      }
      slots.roles.push(role);
      slots.holders.push(slot.holderId === null ? -1 : (personIndex.get(slot.holderId) ?? -1));
      slots.allocations.push(slot.allocation);
    }
  }
  const { teams, people, links } = structure;
  return {
    width: tenth(placement.width),
    height: tenth(placement.height),
    groups: {
      names: structure.groups.map((group) => group.name),
      boxes: placement.groups.flatMap(boxNumbers),
    },
    people: {
      keys: people.map((person) => person.key),
      names: people.map((person) => person.name),
      capacities: people.map((person) => person.capacity),
      allocated: people.map((person) => Math.round(person.allocated * 1000) / 1000),
      overloaded: people.map((person) => person.isOverloaded),
    },
    teams: {
      keys: teams.map((team) => team.key),
      names: teams.map((team) => team.name),
      groups: teams.map((team) => groupIndex.get(team.group) ?? groupIndex.get(null) ?? 0),
      scores: teams.map((team) => team.score),
      flags: teams.flatMap((team) => [team.errors, team.warnings, team.infos]),
      boxes: teams.flatMap((team) => boxNumbers(placement.teams.get(team.id)!)),
      slotCounts: teams.map((team) => team.slots.length),
    },
    slots,
    roles,
    links: {
      sources: links.map((link) => teamIndex.get(link.source)!),
      targets: links.map((link) => teamIndex.get(link.target)!),
      weights: links.map((link) => Math.round(link.weight * 1000) / 1000),
      overloaded: links.map((link) => link.isOverloaded),
      people: links.map((link) => link.personIds.map((id) => personIndex.get(id)!)),
    },
  };
}

/**
 * The structure and its layout from their packed form. Teams and people are named by their keys (unique in an
 * organisation), which the pages' addresses use too; a slot by its team's key and its place.
 */
export function unpackStructure(packed: TPackedStructure): { structure: TStructure; placement: TStructurePlacement } {
  const box = (numbers: readonly number[], index: number): TBox => ({
    x: numbers[index * 4]!,
    y: numbers[index * 4 + 1]!,
    width: numbers[index * 4 + 2]!,
    height: numbers[index * 4 + 3]!,
  });
  const personKeys = packed.people.keys;
  const teamIdsOf = new Map<number, string[]>();
  let slot = 0;
  const teams = packed.teams.keys.map((key, index): TStructureTeam => {
    const slots: TStructureSlot[] = [];
    for (let place = 0; place < packed.teams.slotCounts[index]!; place++, slot++) {
      const holder = packed.slots.holders[slot]!;
      slots.push({
        id: `${key}/${place}`,
        role: packed.roles[packed.slots.roles[slot]!]!,
        holderId: holder < 0 ? null : personKeys[holder]!,
        allocation: packed.slots.allocations[slot]!,
      });
      if (holder >= 0) {
        const teamIds = teamIdsOf.get(holder) ?? [];
        if (teamIds.at(-1) !== key) teamIds.push(key);
        teamIdsOf.set(holder, teamIds);
      }
    }
    return {
      id: key,
      key,
      name: packed.teams.names[index]!,
      group: packed.groups.names[packed.teams.groups[index]!] ?? null,
      score: packed.teams.scores[index]!,
      errors: packed.teams.flags[index * 3]!,
      warnings: packed.teams.flags[index * 3 + 1]!,
      infos: packed.teams.flags[index * 3 + 2]!,
      slots,
    };
  });
  const people = personKeys.map((key, index): TStructurePerson => ({
    id: key,
    key,
    name: packed.people.names[index]!,
    capacity: packed.people.capacities[index]!,
    allocated: packed.people.allocated[index]!,
    isOverloaded: packed.people.overloaded[index]!,
    teamIds: teamIdsOf.get(index) ?? [],
  }));
  const links = packed.links.sources.map((sourceIndex, index) => {
    const [source, target] = [teams[sourceIndex]!.id, teams[packed.links.targets[index]!]!.id];
    return {
      id: `${source}~${target}`,
      source,
      target,
      personIds: packed.links.people[index]!.map((person) => personKeys[person]!),
      weight: packed.links.weights[index]!,
      isOverloaded: packed.links.overloaded[index]!,
    };
  });
  const groups = packed.groups.names.map((name) => ({ name, teamIds: [] as string[] }));
  teams.forEach((team, index) => groups[packed.teams.groups[index]!]?.teamIds.push(team.id));
  return {
    structure: { groups, teams, people, links },
    placement: {
      groups: groups.map((_, index) => box(packed.groups.boxes, index)),
      teams: new Map(teams.map((team, index) => [team.id, box(packed.teams.boxes, index)])),
      width: packed.width,
      height: packed.height,
    },
  };
}
