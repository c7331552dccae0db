import type { TMapAnalysis, TRuleFlag } from "./analyze-map";
import { compareKeys, compareNames, compareSlots, type TRemitMap } from "./model";

/**
 * The organisation as a picture: teams in their groups, each with its slots and holders and its health, and the
 * people who hold slots in several teams as links between those teams. The structure view and a person's page draw it.
 */

/** How a team's score reads at a glance: the card's colour (the overview's score colours use the same bands). */
export type THealthBand = "good" | "fair" | "poor";

export function healthBand(score: number): THealthBand {
  return score >= 85 ? "good" : score >= 60 ? "fair" : "poor";
}

export type TStructureSlot = {
  id: string;
  role: string;
  /** Null when the slot is vacant. */
  holderId: string | null;
  allocation: number;
};

export type TStructureTeam = {
  id: string;
  key: string;
  name: string;
  group: string | null;
  score: number;
  errors: number;
  warnings: number;
  infos: number;
  slots: TStructureSlot[];
};

export type TStructurePerson = {
  id: string;
  key: string;
  name: string;
  capacity: number;
  /** The sum of the allocations of the slots they hold. */
  allocated: number;
  /** Flagged overloaded_person by the organisation's rules. */
  isOverloaded: boolean;
  /** The teams they hold a slot in, each once, in the order of `TStructure.teams`. */
  teamIds: string[];
};

/** Two teams that share people. */
export type TStructureLink = {
  /** `${source}~${target}`, the two team ids in order. */
  id: string;
  source: string;
  target: string;
  /** The shared people's ids, by name. */
  personIds: string[];
  /** The allocation they share: per person, the smaller of their allocations in the two teams, summed. */
  weight: number;
  /** One of the shared people is overloaded. */
  isOverloaded: boolean;
};

/** A group's teams, by name; `name` null for the teams in no group. */
export type TStructureGroup = { name: string | null; teamIds: string[] };

export type TStructure = {
  /** Named groups by name, then the teams in no group. */
  groups: TStructureGroup[];
  /** By group, then by name. */
  teams: TStructureTeam[];
  /** Only the people who hold a slot, by name. */
  people: TStructurePerson[];
  links: TStructureLink[];
};

const GROUP_COLLATOR = new Intl.Collator("en", { sensitivity: "base" });

export function buildStructure(map: TRemitMap, analysis: TMapAnalysis<TRuleFlag>): TStructure {
  const analysisByTeam = new Map(analysis.teams.map((entry) => [entry.team.id, entry]));
  const overloaded = new Set(
    analysis.flags.flatMap((flag) => (flag.kind === "overloaded_person" ? [flag.person.id] : [])),
  );
  const slotsByTeam = new Map<string, TStructureSlot[]>();
  for (const slot of [...map.slots].sort(compareSlots)) {
    const teamSlots = slotsByTeam.get(slot.teamId) ?? [];
    teamSlots.push({
      id: slot.id,
      role: slot.role,
      holderId: slot.holderId,
      allocation: slot.allocation,
    });
    slotsByTeam.set(slot.teamId, teamSlots);
  }

  const groupNames = [...new Set(map.teams.flatMap((team) => (team.group ? [team.group] : [])))].sort(
    GROUP_COLLATOR.compare,
  );
  const groups: TStructureGroup[] = [...groupNames, null].map((name) => ({ name, teamIds: [] }));
  const groupIndex = new Map(groupNames.map((name, index) => [name, index]));
  const teams = [...map.teams].sort(compareNames).map((team): TStructureTeam => {
    const teamAnalysis = analysisByTeam.get(team.id);
    return {
      id: team.id,
      key: team.key,
      name: team.name,
      group: team.group,
      score: teamAnalysis?.score ?? 100,
      errors: teamAnalysis?.counts.bySeverity.error ?? 0,
      warnings: teamAnalysis?.counts.bySeverity.warning ?? 0,
      infos: teamAnalysis?.counts.bySeverity.info ?? 0,
      slots: slotsByTeam.get(team.id) ?? [],
    };
  });
  for (const team of teams) groups[team.group ? groupIndex.get(team.group)! : groupNames.length]!.teamIds.push(team.id);
  const teamsById = new Map(teams.map((team) => [team.id, team]));
  const orderedTeams = groups.flatMap((group) => group.teamIds).map((id) => teamsById.get(id)!);

  // Per person, their allocation in each team.
  const teamRank = new Map(orderedTeams.map((team, rank) => [team.id, rank]));
  const holdings = new Map<string, Map<string, number>>();
  for (const team of orderedTeams) {
    for (const slot of team.slots) {
      if (!slot.holderId) continue;
      const byTeam = holdings.get(slot.holderId) ?? new Map<string, number>();
      byTeam.set(team.id, (byTeam.get(team.id) ?? 0) + slot.allocation);
      holdings.set(slot.holderId, byTeam);
    }
  }
  const people = map.people
    .filter((person) => holdings.has(person.id))
    .sort(compareNames)
    .map((person): TStructurePerson => {
      const byTeam = holdings.get(person.id)!;
      return {
        id: person.id,
        key: person.key,
        name: person.name,
        capacity: person.capacity,
        allocated: [...byTeam.values()].reduce((sum, allocation) => sum + allocation, 0),
        isOverloaded: overloaded.has(person.id),
        teamIds: [...byTeam.keys()],
      };
    });

  const links = new Map<string, TStructureLink>();
  for (const person of people) {
    const byTeam = holdings.get(person.id)!;
    const teamIds = [...person.teamIds].sort((a, b) => teamRank.get(a)! - teamRank.get(b)!);
    for (let first = 0; first < teamIds.length; first++) {
      for (let second = first + 1; second < teamIds.length; second++) {
        const source = teamIds[first]!;
        const target = teamIds[second]!;
        const id = `${source}~${target}`;
        const link = links.get(id) ?? { id, source, target, personIds: [], weight: 0, isOverloaded: false };
        link.personIds.push(person.id);
        link.weight += Math.min(byTeam.get(source)!, byTeam.get(target)!);
        link.isOverloaded ||= person.isOverloaded;
        links.set(id, link);
      }
    }
  }

  return {
    groups: groups.filter((group) => group.teamIds.length > 0),
    teams: orderedTeams,
    people,
    links: [...links.values()].sort((a, b) => compareKeys(a.id, b.id)),
  };
}

/** The part of the structure around one person: the teams they hold slots in, and the links between those. */
export function personStructure(structure: TStructure, personId: string): TStructure {
  const teamIds = new Set(structure.people.find((person) => person.id === personId)?.teamIds ?? []);
  const teams = structure.teams.filter((team) => teamIds.has(team.id));
  const personIds = new Set(teams.flatMap((team) => team.slots.flatMap((slot) => slot.holderId ?? [])));
  return {
    groups: structure.groups
      .map((group) => ({ ...group, teamIds: group.teamIds.filter((id) => teamIds.has(id)) }))
      .filter((group) => group.teamIds.length > 0),
    teams,
    people: structure.people.filter((person) => personIds.has(person.id)),
    links: structure.links.filter((link) => teamIds.has(link.source) && teamIds.has(link.target)),
  };
}

// The card's measures, in the picture's pixels: the layout makes room for them and the cards are drawn at them.
export const TEAM_CARD = { width: 240, header: 56, line: 22, padding: 10 } as const;
// A group's name sits in its top padding: room for it drawn large when the view is zoomed far out.
const GROUP_PADDING = { top: 64, side: 16 } as const;
const SPACING = 24;

export function teamCardHeight(team: Pick<TStructureTeam, "slots">): number {
  return TEAM_CARD.header + Math.max(team.slots.length, 1) * TEAM_CARD.line + TEAM_CARD.padding;
}

/** A graph as ELK (elkjs) takes it: nodes nest, and each level may say how to lay out its children. */
export type TLayoutNode = {
  id: string;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: TLayoutNode[];
};

/** Where the layout put a node: x and y relative to its parent's corner. */
export type TLaidOutNode = {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: TLaidOutNode[];
};

/** The layout library's call (ELK's `layout`), which the caller provides: lib/domain imports no package. */
export type TLayout = (graph: TLayoutNode) => Promise<TLaidOutNode>;

export type TBox = { x: number; y: number; width: number; height: number };

export type TStructurePlacement = {
  /** Group boxes, by index in `TStructure.groups`; in the picture's coordinates. */
  groups: TBox[];
  /** Team cards by team id; in the picture's coordinates. */
  teams: Map<string, TBox>;
  width: number;
  height: number;
};

/** A group's node in the root's layout. */
const groupNodeId = (index: number) => `group:${index}`;

const packing = (aspectRatio: number) => ({
  "elk.algorithm": "rectpacking",
  "elk.aspectRatio": String(aspectRatio),
  "elk.spacing.nodeNode": String(SPACING),
});

/**
 * One group's cards as ELK lays them out: packed in rows (ELK's "rectpacking" keeps a near-square aspect ratio), with
 * room at the top for the group's name. The cards are named by their place, not their team, so that two groups whose
 * cards have the same sizes have the same graph, and one layout serves both (see `layoutStructure`).
 */
export function groupLayoutGraph(cardHeights: readonly number[]): TLayoutNode {
  return {
    id: "group",
    layoutOptions: {
      ...packing(cardHeights.length > 3 ? 1.6 : 4),
      "elk.padding": `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.side},bottom=${GROUP_PADDING.side},right=${GROUP_PADDING.side}]`,
    },
    children: cardHeights.map((height, index) => ({ id: `card:${index}`, width: TEAM_CARD.width, height })),
  };
}

/** The groups, each the size its own layout gave it, packed the same way. */
export function rootLayoutGraph(groupSizes: readonly { width: number; height: number }[]): TLayoutNode {
  return {
    id: "root",
    layoutOptions: {
      ...packing(1.6),
      "elk.padding": `[top=${SPACING},left=${SPACING},bottom=${SPACING},right=${SPACING}]`,
    },
    children: groupSizes.map((size, index) => ({ id: groupNodeId(index), width: size.width, height: size.height })),
  };
}

/**
 * Lays the structure out with `layout` (ELK): each group's cards, then the groups. A group is laid out apart from the
 * others, as ELK does a nested graph level by level anyway, so that its layout can be kept in `cache` (by the cards'
 * sizes) and a change to one team lays out one group again, not a thousand teams (about half a second). Links are
 * drawn over the result, not laid out: a layered or force layout of a thousand teams' links takes seconds and makes
 * a hairball anyway.
 */
export async function layoutStructure(
  structure: TStructure,
  layout: TLayout,
  cache?: Map<string, Promise<TLaidOutNode>>,
): Promise<TStructurePlacement> {
  const teamsById = new Map(structure.teams.map((team) => [team.id, team]));
  const laidOutGroups: TLaidOutNode[] = [];
  for (const group of structure.groups) {
    const graph = groupLayoutGraph(group.teamIds.map((id) => teamCardHeight(teamsById.get(id)!)));
    const signature = JSON.stringify(graph);
    let laidOut = cache?.get(signature);
    if (!laidOut) {
      laidOut = layout(graph);
      cache?.set(signature, laidOut);
      laidOut.catch(() => cache?.delete(signature));
    }
    laidOutGroups.push(await laidOut);
  }
  const root = await layout(
    rootLayoutGraph(laidOutGroups.map((group) => ({ width: group.width ?? 0, height: group.height ?? 0 }))),
  );
  const groups: TBox[] = [];
  const teams = new Map<string, TBox>();
  const box = (node: TLaidOutNode | undefined, dx: number, dy: number): TBox => ({
    x: (node?.x ?? 0) + dx,
    y: (node?.y ?? 0) + dy,
    width: node?.width ?? 0,
    height: node?.height ?? 0,
  });
  const groupNodes = new Map((root.children ?? []).map((node) => [node.id, node]));
  structure.groups.forEach((group, index) => {
    const groupBox = box(groupNodes.get(groupNodeId(index)), 0, 0);
    groups.push(groupBox);
    const cards = new Map((laidOutGroups[index]!.children ?? []).map((card) => [card.id, card]));
    group.teamIds.forEach((id, place) => teams.set(id, box(cards.get(`card:${place}`), groupBox.x, groupBox.y)));
  });
  return { groups, teams, width: root.width ?? 0, height: root.height ?? 0 };
}

/** The link's drawn width: from 1.5 px for a little shared time to 8 px for several full-time people. */
export function linkWidth(weight: number): number {
  return Math.min(8, 1.5 + weight * 3);
}

/** The teams and people whose name contains `text` (any case), teams first; at most `limit`. */
export function searchStructure(
  structure: TStructure,
  text: string,
  limit = 8,
): ({ kind: "team"; team: TStructureTeam } | { kind: "person"; person: TStructurePerson })[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const teams = structure.teams
    .filter((team) => team.name.toLowerCase().includes(needle))
    .map((team) => ({ kind: "team" as const, team }));
  const people = structure.people
    .filter((person) => person.name.toLowerCase().includes(needle))
    .map((person) => ({ kind: "person" as const, person }));
  return [...teams, ...people].slice(0, limit);
}
