import { formatTermMoment } from "./slot-terms";
import type {
  TMapDocument,
  TMapDocumentDuty,
  TMapDocumentPerson,
  TMapDocumentSlot,
  TMapDocumentTeam,
} from "./map-format";
import { RULE_CATALOGUE, type TRuleSetting } from "./rules";

export const DIFF_KINDS = ["teams", "people", "duties", "slots", "assignments", "rules"] as const;
export type TDiffKind = (typeof DIFF_KINDS)[number];

/** One field that differs, with both values as a person reads them ("optional", "0.5", "Diana Reyes", "none"). */
export type TFieldChange = { field: string; from: string; to: string };

export type TDiffEntry = {
  /** Stable within its kind: the key, or `team/slot`, or `team/duty/slot`. */
  id: string;
  /** Names, not keys: "Checkout · Tech lead". */
  label: string;
  /** What an added or removed assignment gives: its level. */
  detail?: string;
};

export type TChangedEntry = TDiffEntry & { changes: TFieldChange[] };

export type TEntityDiff = { added: TDiffEntry[]; removed: TDiffEntry[]; changed: TChangedEntry[] };

export type TMapDiff = Record<TDiffKind, TEntityDiff> & {
  /** Added + removed + changed, over every kind. */
  total: number;
};

const NONE = "none";

/**
 * What replacing the map `current` with `next` would change, both as remit.map/v1 documents (`mapToDocument` of the
 * map on screen, and an imported file that `validateMapDocument` accepted).
 *
 * Things are matched by key, as the import matches them: a team, person or duty by its key, a slot by its team's key
 * and its own, an assignment by team, duty and slot. A renamed key reads as one removed and one added. Only the duties
 * and slots that really moved are reported as moved, not every one that shifted because another was inserted.
 * Removing a team lists its slots and assignments as removed too. Lists keep document order. Rules are compared only
 * when both documents have them (a file without `rules` leaves them as they are), and only as changed: each rule
 * `next` lists whose settings differ from `current`'s.
 */
export function diffMapDocuments(current: TMapDocument, next: TMapDocument): TMapDiff {
  const duties = diffLists(current.duties, next.duties, {
    idOf: (duty) => duty.key,
    labelOf: (duty) => duty.name,
    compare: compareDuty,
    isOrdered: true,
  });
  const people = diffLists(current.people, next.people, {
    idOf: (person) => person.key,
    labelOf: (person) => person.name,
    compare: comparePerson,
  });
  const teams = diffLists(current.teams, next.teams, {
    idOf: (team) => team.key,
    labelOf: (team) => team.name,
    compare: compareTeam,
  });

  const slots = emptyDiff();
  const assignments = emptyDiff();
  const before = documentIndex(current);
  const after = documentIndex(next);
  const nextTeamKeys = new Set(next.teams.map((team) => team.key));
  const teamPairs: [TMapDocumentTeam | undefined, TMapDocumentTeam | undefined][] = [
    ...next.teams.map((team): [TMapDocumentTeam | undefined, TMapDocumentTeam] => [before.teams.get(team.key), team]),
    ...current.teams
      .filter((team) => !nextTeamKeys.has(team.key))
      .map((team): [TMapDocumentTeam, undefined] => [team, undefined]),
  ];
  for (const [old, fresh] of teamPairs) {
    const teamKey = (fresh ?? old)!.key;
    const slotDiff = diffLists(old?.slots ?? [], fresh?.slots ?? [], {
      idOf: (slot) => `${teamKey}/${slot.key}`,
      labelOf: (slot, side) => `${(side === "next" ? fresh : old)!.name} · ${slotLabel(slot)}`,
      compare: (a, b) => compareSlot(a, b, before, after),
      isOrdered: true,
    });
    append(slots, slotDiff);

    const oldSlots = new Map(old?.slots.map((slot) => [slot.key, slot]));
    const freshSlots = new Map(fresh?.slots.map((slot) => [slot.key, slot]));
    const assignmentLabel = (
      assignment: { duty: string; slot: string },
      team: TMapDocumentTeam,
      index: TDocumentIndex,
      teamSlots: Map<string, TMapDocumentSlot>,
    ) => {
      const slot = teamSlots.get(assignment.slot);
      const duty = index.duties.get(assignment.duty)?.name ?? assignment.duty;
      return `${team.name} · ${duty} · ${slot ? slotLabel(slot) : assignment.slot}`;
    };
    const assignmentDiff = diffLists(old?.assignments ?? [], fresh?.assignments ?? [], {
      idOf: (assignment) => `${teamKey}/${assignment.duty}/${assignment.slot}`,
      labelOf: (assignment, side) =>
        side === "next"
          ? assignmentLabel(assignment, fresh!, after, freshSlots)
          : assignmentLabel(assignment, old!, before, oldSlots),
      detailOf: (assignment) => assignment.level,
      compare: (a, b) => (a.level === b.level ? [] : [{ field: "level", from: a.level, to: b.level }]),
    });
    append(assignments, assignmentDiff);
  }

  const diff = { teams, people, duties, slots, assignments, rules: diffRules(current.rules, next.rules) };
  const total = DIFF_KINDS.reduce(
    (sum, kind) => sum + diff[kind].added.length + diff[kind].removed.length + diff[kind].changed.length,
    0,
  );
  return { ...diff, total };
}

type TSide = "current" | "next";

type TDocumentIndex = {
  teams: Map<string, TMapDocumentTeam>;
  people: Map<string, TMapDocumentPerson>;
  duties: Map<string, TMapDocumentDuty>;
};

function documentIndex(document: TMapDocument): TDocumentIndex {
  return {
    teams: new Map(document.teams.map((team) => [team.key, team])),
    people: new Map(document.people.map((person) => [person.key, person])),
    duties: new Map(document.duties.map((duty) => [duty.key, duty])),
  };
}

function diffLists<T>(
  current: readonly T[],
  next: readonly T[],
  {
    idOf,
    labelOf,
    detailOf,
    compare,
    isOrdered = false,
  }: {
    idOf: (item: T) => string;
    labelOf: (item: T, side: TSide) => string;
    detailOf?: (item: T) => string;
    compare: (before: T, after: T) => TFieldChange[];
    /** Report items whose place in the list changed (duties in the catalogue, slots in their team). */
    isOrdered?: boolean;
  },
): TEntityDiff {
  const currentById = new Map(current.map((item) => [idOf(item), item]));
  const nextIds = new Set(next.map(idOf));
  const entry = (item: T, side: TSide): TDiffEntry => {
    const detail = detailOf?.(item);
    return { id: idOf(item), label: labelOf(item, side), ...(detail === undefined ? {} : { detail }) };
  };

  const moved = isOrdered
    ? movedIds(
        current.map(idOf).filter((id) => nextIds.has(id)),
        next.map(idOf).filter((id) => currentById.has(id)),
      )
    : new Set<string>();
  const currentPosition = new Map(current.map((item, index) => [idOf(item), index]));

  const added: TDiffEntry[] = [];
  const changed: TChangedEntry[] = [];
  next.forEach((item, index) => {
    const id = idOf(item);
    const before = currentById.get(id);
    if (before === undefined) {
      added.push(entry(item, "next"));
      return;
    }
    const changes = compare(before, item);
    if (moved.has(id)) {
      changes.push({ field: "position", from: String(currentPosition.get(id)! + 1), to: String(index + 1) });
    }
    if (changes.length > 0) changed.push({ id, label: labelOf(item, "next"), changes });
  });
  const removed = current.filter((item) => !nextIds.has(idOf(item))).map((item) => entry(item, "current"));
  return { added, removed, changed };
}

/**
 * The ids that moved between two orders of the same ids: everything outside a longest run that kept its relative
 * order. Moving one duty to the end reports that duty, not the ones that closed up behind it.
 */
export function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const rank = new Map(before.map((id, index) => [id, index]));
  const ranks = after.map((id) => rank.get(id)!);
  const kept = new Set(longestIncreasingRun(ranks).map((index) => after[index]!));
  return new Set(after.filter((id) => !kept.has(id)));
}

/** Indexes (into `values`) of a longest strictly increasing subsequence, in O(n log n). */
function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const run: number[] = [];
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index]!) run.push(index);
  return run.reverse();
}

function diffRules(current: readonly TRuleSetting[] | undefined, next: readonly TRuleSetting[] | undefined) {
  const diff = emptyDiff();
  if (!current || !next) return diff;
  const before = new Map(current.map((rule) => [rule.id, rule]));
  for (const rule of next) {
    const old = before.get(rule.id);
    const changes = old ? compareRule(old, rule) : [];
    if (changes.length > 0) diff.changed.push({ id: rule.id, label: RULE_CATALOGUE[rule.id].name, changes });
  }
  return diff;
}

function compareRule(a: TRuleSetting, b: TRuleSetting): TFieldChange[] {
  const changes: TFieldChange[] = [];
  if (a.severity !== b.severity) changes.push({ field: "severity", from: a.severity, to: b.severity });
  const [paramsA, paramsB] = [a.params as Record<string, unknown>, b.params as Record<string, unknown>];
  for (const name of new Set([...Object.keys(paramsA), ...Object.keys(paramsB)])) {
    const [from, to] = [paramText(paramsA[name]), paramText(paramsB[name])];
    if (from !== to) changes.push({ field: name, from, to });
  }
  const [exemptA, exemptB] = [a.exemptTeams.join(", ") || NONE, b.exemptTeams.join(", ") || NONE];
  if (exemptA !== exemptB) changes.push({ field: "exempt teams", from: exemptA, to: exemptB });
  return changes;
}

/** A parameter as a person reads it: a number, or a lean as "vision: PO, roadmap: PO" in key order. */
function paramText(value: unknown): string {
  if (value === undefined) return NONE;
  if (typeof value !== "object" || value === null) return String(value);
  return (
    Object.entries(value)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([key, part]) => `${key}: ${String(part)}`)
      .join(", ") || NONE
  );
}

function compareDuty(a: TMapDocumentDuty, b: TMapDocumentDuty): TFieldChange[] {
  const changes: TFieldChange[] = [];
  if (a.name !== b.name) changes.push({ field: "name", from: a.name, to: b.name });
  if (a.description !== b.description) {
    changes.push({ field: "description", from: text(a.description), to: text(b.description) });
  }
  if (a.required !== b.required) changes.push({ field: "required", from: requiredness(a), to: requiredness(b) });
  return changes;
}

function comparePerson(a: TMapDocumentPerson, b: TMapDocumentPerson): TFieldChange[] {
  const changes: TFieldChange[] = [];
  if (a.name !== b.name) changes.push({ field: "name", from: a.name, to: b.name });
  if ((a.email ?? null) !== (b.email ?? null)) changes.push({ field: "email", from: text(a.email), to: text(b.email) });
  if (a.capacity !== b.capacity) {
    changes.push({ field: "capacity", from: String(a.capacity), to: String(b.capacity) });
  }
  return changes;
}

function compareTeam(a: TMapDocumentTeam, b: TMapDocumentTeam): TFieldChange[] {
  const changes: TFieldChange[] = [];
  if (a.name !== b.name) changes.push({ field: "name", from: a.name, to: b.name });
  if (text(a.description) !== text(b.description)) {
    changes.push({ field: "description", from: text(a.description), to: text(b.description) });
  }
  if (text(a.group) !== text(b.group)) changes.push({ field: "group", from: text(a.group), to: text(b.group) });
  return changes;
}

function compareSlot(
  a: TMapDocumentSlot,
  b: TMapDocumentSlot,
  before: TDocumentIndex,
  after: TDocumentIndex,
): TFieldChange[] {
  const changes: TFieldChange[] = [];
  if (a.role !== b.role) changes.push({ field: "role", from: a.role, to: b.role });
  if (text(a.title) !== text(b.title)) changes.push({ field: "title", from: text(a.title), to: text(b.title) });
  // Compared by key: renaming the holder is a change to the person, not to the slot.
  if (a.holder !== b.holder) {
    changes.push({ field: "holder", from: holderName(a.holder, before), to: holderName(b.holder, after) });
  }
  if (a.allocation !== b.allocation) {
    changes.push({ field: "allocation", from: String(a.allocation), to: String(b.allocation) });
  }
  const until = (slot: TMapDocumentSlot) => moment(slot.holderUntil);
  if (until(a) !== until(b)) changes.push({ field: "term ends", from: until(a), to: until(b) });
  const next = (slot: TMapDocumentSlot, index: TDocumentIndex) =>
    slot.nextHolder ? `${holderName(slot.nextHolder, index)} from ${moment(slot.nextHolderFrom)}` : NONE;
  if (next(a, before) !== next(b, after))
    changes.push({ field: "next holder", from: next(a, before), to: next(b, after) });
  return changes;
}

function moment(value: string | null | undefined): string {
  return value ? formatTermMoment(value) : NONE;
}

function holderName(key: string | null, index: TDocumentIndex): string {
  if (key === null) return "vacant";
  return index.people.get(key)?.name ?? key;
}

function slotLabel(slot: Pick<TMapDocumentSlot, "role" | "title">): string {
  return slot.title ? `${slot.role} · ${slot.title}` : slot.role;
}

function requiredness(duty: TMapDocumentDuty): string {
  return duty.required ? "required" : "optional";
}

function text(value: string | null | undefined): string {
  return value ? value : NONE;
}

function emptyDiff(): TEntityDiff {
  return { added: [], removed: [], changed: [] };
}

function append(into: TEntityDiff, from: TEntityDiff): void {
  into.added.push(...from.added);
  into.removed.push(...from.removed);
  into.changed.push(...from.changed);
}
