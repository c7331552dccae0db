// Publishing a draft: a three-way merge of remit.map/v1 documents, matched by key as imports match them. What the
// draft changed since it was made wins where live left it alone; what live changed wins where the draft left it
// alone; where both changed the same thing differently, the user chooses.
import type { TMapDocument } from "./map-format";
import {
  canonicalRuleSetting,
  listRuleSettings,
  resolveRules,
  RULE_CATALOGUE,
  RULE_IDS,
  type TRuleSetting,
} from "./rules";

export const MERGE_KINDS = ["duty", "person", "team", "slot", "assignment", "rule"] as const;
export type TMergeKind = (typeof MERGE_KINDS)[number];

/**
 * One thing of a map, by its key path: "duty:roadmap", "slot:checkout/po", "assignment:checkout/roadmap/po",
 * "rule:po_spread". `value`
 * is `item` as canonical JSON, so that equal means unchanged; `item` is the document's own, taken as it is.
 */
type TElement = { kind: TMergeKind; label: string; value: string; item: unknown };

export type TMergeConflict = {
  /** The key path; what a choice names. */
  id: string;
  kind: TMergeKind;
  /** Names, as a person reads them. */
  label: string;
  /** The values (as JSON) in the map the draft was made from, on live now, and in the draft; null when absent. */
  base: unknown;
  live: unknown;
  draft: unknown;
};

export type TMergeChoice = "live" | "draft";

type TDocumentTeam = TMapDocument["teams"][number];

/**
 * Every thing in the document, by key path, with its value as canonical JSON (so that equal means unchanged); of the
 * teams in `whole`, only the team itself, not its slots and cells.
 */
function elements(document: TMapDocument, whole: ReadonlySet<string>): Map<string, TElement> {
  const found = new Map<string, TElement>();
  const add = (kind: TMergeKind, id: string, label: string, value: unknown, json = JSON.stringify(value)) =>
    found.set(`${kind}:${id}`, { kind, label, value: json, item: value });
  const dutyNames = new Map(document.duties.map((duty) => [duty.key, duty.name]));
  for (const duty of document.duties) add("duty", duty.key, duty.name, duty);
  for (const person of document.people) add("person", person.key, person.name, person);
  // A rule's parameters compared whatever order their keys were stored in.
  for (const rule of document.rules ?? []) {
    add("rule", rule.id, RULE_CATALOGUE[rule.id].name, rule, canonicalRuleSetting(rule));
  }
  for (const team of document.teams) {
    const { slots, assignments, ...fields } = team;
    add("team", team.key, team.name, fields);
    if (whole.has(team.key)) continue;
    const roles = new Map(slots.map((slot) => [slot.key, slot.role]));
    for (const slot of slots) add("slot", `${team.key}/${slot.key}`, `${team.name} · ${slot.role}`, slot);
    for (const assignment of assignments) {
      add(
        "assignment",
        `${team.key}/${assignment.duty}/${assignment.slot}`,
        `${team.name} · ${dutyNames.get(assignment.duty) ?? assignment.duty} · ${roles.get(assignment.slot) ?? assignment.slot}`,
        assignment.level,
      );
    }
  }
  return found;
}

/** An element's value as a conflict shows it: a copy, so that the answer shares nothing with the documents. */
const parse = (element: TElement | undefined): unknown => (element ? JSON.parse(element.value) : null);

/**
 * A draft's base with every rule listed, as live's and the draft's documents have them: a base of a draft made
 * before drafts carried rules lists only those that differed from their defaults (migration
 * 20261206140000_draft_rules). Merge against this, not the stored base.
 */
export function withEveryRule(base: TMapDocument): TMapDocument {
  return { ...base, rules: listRuleSettings(resolveRules(base.rules ?? [])) };
}

/**
 * Merges `draft` into `live`, both descended from `base`. Conflicts the choices do not settle are returned (and
 * the document is then only what could be merged so far: publish nothing until they are settled). The order of
 * duties and of each team's slots follows the draft where it has them. Rules merge one rule at a time, as a duty
 * does; the documents should all have `rules` or none (a rule some lack reads as added or removed there).
 */
export function mergeMapDocuments({
  base,
  live,
  draft,
  choices = {},
}: {
  base: TMapDocument;
  live: TMapDocument;
  draft: TMapDocument;
  choices?: Readonly<Record<string, TMergeChoice>>;
}): { document: TMapDocument; conflicts: TMergeConflict[] } {
  const untouched = untouchedTeams(base, live, draft);
  const [inBase, inLive, inDraft] = [base, live, draft].map((document) => elements(document, untouched)) as [
    Map<string, TElement>,
    Map<string, TElement>,
    Map<string, TElement>,
  ];
  const merged = new Map<string, TElement>();
  const conflicts: TMergeConflict[] = [];
  const decide = (id: string, b: TElement | undefined, l: TElement | undefined, d: TElement | undefined) => {
    let chosen: TElement | undefined;
    if (d?.value === b?.value) chosen = l;
    else if (l?.value === b?.value || l?.value === d?.value) chosen = d;
    else if (choices[id]) chosen = choices[id] === "draft" ? d : l;
    else {
      const any = (d ?? l ?? b)!;
      conflicts.push({ id, kind: any.kind, label: any.label, base: parse(b), live: parse(l), draft: parse(d) });
      chosen = l;
    }
    if (chosen) merged.set(id, chosen);
  };
  // Every key once, live's first, then the draft's, then the base's (the order in which new people are listed).
  for (const [id, l] of inLive) decide(id, inBase.get(id), l, inDraft.get(id));
  for (const [id, d] of inDraft) if (!inLive.has(id)) decide(id, inBase.get(id), undefined, d);
  for (const [id, b] of inBase) if (!inLive.has(id) && !inDraft.has(id)) decide(id, b, undefined, undefined);
  return { document: assemble(merged, [draft, live], untouched), conflicts };
}

/**
 * The teams that are the same, slots and cells in the same order, in all three documents: neither side changed them,
 * so that live's is the merge, and their things need no merging one by one (most of a large map, whose draft changed
 * a few teams).
 */
function untouchedTeams(base: TMapDocument, live: TMapDocument, draft: TMapDocument): Set<string> {
  const json = (document: TMapDocument) => new Map(document.teams.map((team) => [team.key, team]));
  const [inBase, inDraft] = [json(base), json(draft)];
  const untouched = new Set<string>();
  for (const team of live.teams) {
    const [b, d] = [inBase.get(team.key), inDraft.get(team.key)];
    if (!b || !d) continue;
    const value = JSON.stringify(team);
    if (JSON.stringify(b) === value && JSON.stringify(d) === value) untouched.add(team.key);
  }
  return untouched;
}

const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, rank) => [id, rank]));
const byCatalogueOrder = (a: TRuleSetting, b: TRuleSetting) => RULE_RANK.get(a.id)! - RULE_RANK.get(b.id)!;

/** The team key of a slot's or an assignment's key path ("slot:checkout/po" → "checkout"). */
function teamKeyOf(id: string): string {
  return id.slice(id.indexOf(":") + 1, id.indexOf("/"));
}

/**
 * A document from merged elements, ordered as the first of `orderFrom` that has each thing. Linear in the map: the
 * merged things are sorted into their kinds and teams in one pass, and each document's teams are looked up by key.
 * It shares the documents' own duties, people and slots (nothing here changes them) instead of parsing copies.
 */
function assemble(
  merged: ReadonlyMap<string, TElement>,
  orderFrom: readonly [TMapDocument, TMapDocument],
  untouched: ReadonlySet<string>,
): TMapDocument {
  const value = <T>(id: string): T => merged.get(id)!.item as T;
  /** `preferred` then `rest`, once each, of the ids that were merged. */
  const ordered = (preferred: Iterable<string>, rest: readonly string[]) =>
    [...new Set([...preferred, ...rest])].filter((id) => merged.has(id));
  const ofKind: Record<"duty" | "person" | "team" | "rule", string[]> = { duty: [], person: [], team: [], rule: [] };
  const slotsByTeam = new Map<string, string[]>();
  const assignmentsByTeam = new Map<string, string[]>();
  for (const [id, { kind }] of merged) {
    if (kind === "slot" || kind === "assignment") {
      const byTeam = kind === "slot" ? slotsByTeam : assignmentsByTeam;
      const teamKey = teamKeyOf(id);
      const list = byTeam.get(teamKey);
      if (list) list.push(id);
      else byTeam.set(teamKey, [id]);
    } else {
      ofKind[kind].push(id);
    }
  }
  const teamsByKey = orderFrom.map((document) => new Map(document.teams.map((team) => [team.key, team])));

  const duties = ordered(
    orderFrom.flatMap((document) => document.duties.map((duty) => `duty:${duty.key}`)),
    ofKind.duty,
  ).map((id) => value<TMapDocument["duties"][number]>(id));
  const people = ofKind.person.map((id) => value<TMapDocument["people"][number]>(id));
  const teamIds = ordered(
    orderFrom.flatMap((document) => document.teams.map((team) => `team:${team.key}`)),
    ofKind.team,
  );
  const teams = teamIds.map((id): TDocumentTeam => {
    const fields = value<Omit<TDocumentTeam, "slots" | "assignments">>(id);
    const unchanged = untouched.has(fields.key) ? teamsByKey[1]!.get(fields.key) : undefined;
    if (unchanged) {
      const assignments = unchanged.assignments.map(({ duty, slot, level }) => ({ duty, slot, level }));
      return { ...fields, slots: unchanged.slots, assignments };
    }
    const slotIds = ordered(
      teamsByKey.flatMap((byKey) =>
        (byKey.get(fields.key)?.slots ?? []).map((slot) => `slot:${fields.key}/${slot.key}`),
      ),
      slotsByTeam.get(fields.key) ?? [],
    );
    const prefix = `assignment:${fields.key}/`;
    const assignments = (assignmentsByTeam.get(fields.key) ?? []).map((key) => {
      const [duty, slot] = key.slice(prefix.length).split("/") as [string, string];
      return { duty, slot, level: value<TDocumentTeam["assignments"][number]["level"]>(key) };
    });
    return { ...fields, slots: slotIds.map((slotId) => value<TDocumentTeam["slots"][number]>(slotId)), assignments };
  });
  const rules = orderFrom.some((document) => document.rules)
    ? { rules: ofKind.rule.map((id) => value<TRuleSetting>(id)).sort(byCatalogueOrder) }
    : {};
  return { format: orderFrom[0]!.format, duties, people, teams, ...rules };
}
