// Readable sentences for the journal: "Ana made the PM accountable for Roadmap prioritisation in Checkout".
import { formatTermMoment } from "./slot-terms";
import { countNoun } from "./count-noun";
import type { TJournalAction, TJournalActor, TJournalEntry, TJournalRow } from "./journal";
import { isRaciLevel, type TRaciLevel } from "./model";
import { DEFAULT_RULES, isRuleId, RULE_CATALOGUE } from "./rules";

/** Names of what entries point at, from the map as it is and from the journal's own rows (for deleted things). */
export type TJournalNames = {
  people: Map<string, string>;
  teams: Map<string, string>;
  duties: Map<string, string>;
  slots: Map<string, { role: string; teamId: string }>;
};

export function emptyJournalNames(): TJournalNames {
  return { people: new Map(), teams: new Map(), duties: new Map(), slots: new Map() };
}

/** Adds the names in journal rows, without replacing names already known (the map's current ones come first). */
export function addJournalNames(
  names: TJournalNames,
  rows: Iterable<{ entity: TJournalEntry["entity"]; row: TJournalRow }>,
): void {
  for (const { entity, row } of rows) {
    const name = String(row.name ?? "");
    if (entity === "person" && !names.people.has(row.id)) names.people.set(row.id, name);
    else if (entity === "team" && !names.teams.has(row.id)) names.teams.set(row.id, name);
    else if (entity === "duty" && !names.duties.has(row.id)) names.duties.set(row.id, name);
    else if (entity === "slot" && !names.slots.has(row.id)) {
      names.slots.set(row.id, { role: String(row.role ?? ""), teamId: String(row.team_id ?? "") });
    }
  }
}

/** The ids an entry's sentence names, to look up those the map no longer has. */
export function idsNamedBy(entry: Pick<TJournalEntry, "before" | "after">): string[] {
  const ids = new Set<string>();
  for (const row of [entry.before, entry.after]) {
    if (!row) continue;
    for (const column of ["team_id", "slot_id", "duty_id", "holder_id"]) {
      if (typeof row[column] === "string") ids.add(row[column] as string);
    }
  }
  return [...ids];
}

const LEVEL_PHRASES: Record<TRaciLevel, string> = {
  accountable: "accountable for",
  responsible: "responsible for",
  consulted: "consulted on",
  informed: "informed about",
};

const quote = (name: string | undefined, fallback: string) => (name ? `“${name}”` : fallback);
const percent = (value: unknown) => `${Math.round(Number(value) * 100)}%`;

function teamName(names: TJournalNames, id: unknown): string {
  return quote(typeof id === "string" ? names.teams.get(id) : undefined, "a deleted team");
}

function slotName(names: TJournalNames, id: unknown): string {
  const slot = typeof id === "string" ? names.slots.get(id) : undefined;
  return slot ? `the ${slot.role}` : "a removed slot";
}

function personName(names: TJournalNames, id: unknown): string {
  return quote(typeof id === "string" ? names.people.get(id) : undefined, "someone since removed");
}

/** The columns that differ between two versions of a row. */
function changedColumns(before: TJournalRow, after: TJournalRow): string[] {
  return Object.keys(after).filter((column) => JSON.stringify(before[column]) !== JSON.stringify(after[column]));
}

function describeCell(entry: TJournalEntry, names: TJournalNames): string {
  const row = (entry.after ?? entry.before)!;
  const where = `${quote(names.duties.get(String(row.duty_id)), "a removed duty")} in ${teamName(names, row.team_id)}`;
  const slot = slotName(names, row.slot_id);
  if (!entry.after) return `removed ${slot} from ${where}`;
  const level = entry.after.level;
  return isRaciLevel(level) ? `made ${slot} ${LEVEL_PHRASES[level]} ${where}` : `changed ${slot}'s part in ${where}`;
}

function describeSlot(entry: TJournalEntry, names: TJournalNames): string {
  const row = (entry.after ?? entry.before)!;
  const team = teamName(names, row.team_id);
  const role = String(row.role);
  if (!entry.before) return `added a ${role} slot to ${team}`;
  if (!entry.after) return `removed the ${role} slot from ${team}`;
  const changed = changedColumns(entry.before, entry.after);
  const parts: string[] = [];
  if (changed.includes("holder_id")) {
    parts.push(
      entry.after.holder_id
        ? `made ${personName(names, entry.after.holder_id)} the ${role} of ${team}`
        : `left the ${role} of ${team} vacant`,
    );
  }
  if (changed.includes("role")) parts.push(`renamed the ${String(entry.before.role)} slot of ${team} to ${role}`);
  if (changed.includes("allocation")) parts.push(`set the ${role} of ${team} to ${percent(entry.after.allocation)}`);
  if (changed.includes("title")) parts.push(`changed the title of the ${role} of ${team}`);
  if (changed.includes("order")) parts.push(`moved the ${role} slot of ${team}`);
  if (changed.includes("holder_until")) {
    // A term that ended or was taken over clears itself along with the holder: the holder's change says it.
    const until = entry.after.holder_until;
    if (until) parts.push(`set the ${role} of ${team}'s term to end on ${formatTermMoment(String(until))}`);
    else if (!changed.includes("holder_id")) parts.push(`removed the end of the ${role} of ${team}'s term`);
  }
  if (changed.includes("next_holder_id") || changed.includes("next_holder_from")) {
    const next = entry.after.next_holder_id;
    const from = entry.after.next_holder_from;
    if (next && from) {
      parts.push(`planned ${personName(names, next)} as the ${role} of ${team} from ${formatTermMoment(String(from))}`);
    } else if (!changed.includes("holder_id")) parts.push(`cancelled the next ${role} of ${team}`);
  }
  return parts.length ? parts.join(" and ") : `changed the ${role} slot of ${team}`;
}

function describeNamed(
  entry: TJournalEntry,
  noun: "person" | "team" | "duty",
  describeChange: (before: TJournalRow, after: TJournalRow, changed: string[]) => string[],
): string {
  const verbs = {
    person: ["added", "removed"],
    team: ["created the team", "deleted the team"],
    duty: ["added the duty", "removed the duty"],
  }[noun];
  if (!entry.before) return `${verbs[0]} ${quote(String(entry.after!.name), "")}`;
  if (!entry.after) return `${verbs[1]} ${quote(String(entry.before.name), "")}`;
  const changed = changedColumns(entry.before, entry.after);
  const parts = describeChange(entry.before, entry.after, changed);
  return parts.length ? parts.join(" and ") : `changed ${quote(String(entry.after.name), "")}`;
}

function renamed(before: TJournalRow, after: TJournalRow, changed: string[]): string[] {
  return changed.includes("name")
    ? [`renamed ${quote(String(before.name), "")} to ${quote(String(after.name), "")}`]
    : [];
}

/** A rule's settings as a journal row holds them; a rule without a row is at its defaults. */
function ruleSettingsOf(row: TJournalRow | null, ruleId: string) {
  const defaults = isRuleId(ruleId) ? DEFAULT_RULES[ruleId] : undefined;
  return {
    severity: String(row?.severity ?? defaults?.severity ?? "off"),
    params: (row?.params ?? defaults?.params ?? {}) as Record<string, unknown>,
    exemptTeams: (row?.exempt_teams ?? []) as unknown[],
  };
}

/** A rule's change: "turned on “PO spread” as a warning and set its max to 3", "put “Idle slot” back to its defaults". */
function describeRule(entry: TJournalEntry): string {
  const ruleId = String((entry.after ?? entry.before)!.rule_id);
  const rule = quote(isRuleId(ruleId) ? RULE_CATALOGUE[ruleId].name : undefined, `the rule ${ruleId}`);
  if (!entry.after) return `put ${rule} back to its defaults`;
  const before = ruleSettingsOf(entry.before, ruleId);
  const after = ruleSettingsOf(entry.after, ruleId);
  const parts: string[] = [];
  if (after.severity !== before.severity) {
    parts.push(
      after.severity === "off"
        ? `turned ${rule} off`
        : before.severity === "off"
          ? `turned on ${rule} as ${after.severity === "error" ? "an" : "a"} ${after.severity}`
          : `made ${rule} ${after.severity === "error" ? "an" : "a"} ${after.severity}`,
    );
  }
  for (const [name, value] of Object.entries(after.params)) {
    if (JSON.stringify(value) === JSON.stringify(before.params[name])) continue;
    const subject = parts.length > 0 ? "its" : `${rule}'s`;
    parts.push(typeof value === "number" ? `set ${subject} ${name} to ${value}` : `changed ${subject} ${name}`);
  }
  if (JSON.stringify(after.exemptTeams) !== JSON.stringify(before.exemptTeams)) {
    const teams = after.exemptTeams.map(String).join(", ");
    parts.push(teams ? `exempted ${teams} from ${rule}` : `applied ${rule} to every team again`);
  }
  return parts.length > 0 ? parts.join(" and ") : `changed ${rule}`;
}

/** One row change, without its actor: "made the PM accountable for “Roadmap” in “Checkout”". */
export function describeEntry(entry: TJournalEntry, names: TJournalNames): string {
  switch (entry.entity) {
    case "assignment":
      return describeCell(entry, names);
    case "slot":
      return describeSlot(entry, names);
    case "person":
      return describeNamed(entry, "person", (before, after, changed) => [
        ...renamed(before, after, changed),
        ...(changed.includes("capacity")
          ? [`set ${quote(String(after.name), "")}'s capacity to ${percent(after.capacity)}`]
          : []),
        ...(changed.includes("email") ? [`changed ${quote(String(after.name), "")}'s email`] : []),
        ...(changed.includes("key") && !changed.includes("name")
          ? [`changed ${quote(String(after.name), "")}'s key`]
          : []),
      ]);
    case "team":
      return describeNamed(entry, "team", (before, after, changed) => [
        ...renamed(before, after, changed),
        ...(changed.includes("description") ? [`changed the description of ${quote(String(after.name), "")}`] : []),
        ...(changed.includes("group")
          ? [
              after.group === null
                ? `took ${quote(String(after.name), "")} out of group ${quote(String(before.group), "")}`
                : `moved ${quote(String(after.name), "")} to group ${quote(String(after.group), "")}`,
            ]
          : []),
        ...(changed.includes("key") && !changed.includes("name")
          ? [`changed the key of ${quote(String(after.name), "")}`]
          : []),
      ]);
    case "rule":
      return describeRule(entry);
    case "duty":
      return describeNamed(entry, "duty", (before, after, changed) => [
        ...renamed(before, after, changed),
        ...(changed.includes("required")
          ? [`made ${quote(String(after.name), "")} ${after.required ? "required" : "optional"}`]
          : []),
        ...(changed.includes("description") ? [`changed the description of ${quote(String(after.name), "")}`] : []),
        ...(changed.includes("order") ? [`moved ${quote(String(after.name), "")} in the catalogue`] : []),
      ]);
  }
}

/** What a user did, for the actions a group's entries do not say (a sentence begins with the actor's name). */
export const ACTION_PHRASES: Partial<Record<TJournalAction, string>> = {
  "organization.create": "created the organisation",
  "map.import": "imported a map",
  "team.apply-split": "applied the PO/PM split",
  "team.raci-import": "imported a RACI sheet",
  "team.restore": "restored a team to an earlier moment",
  "journal.undo": "undid an earlier change",
  "system.seed": "loaded the demo map",
  "draft.create": "made this draft from the map",
  "draft.plan": "made the changes of a suggested plan",
  "draft.publish": "published a draft",
};

/** What a group of entries did, with its actor: one sentence for one change, a summary for many. */
export function describeGroup(
  group: { actor: TJournalActor; action: TJournalAction; entryCount: number; entries: readonly TJournalEntry[] },
  names: TJournalNames,
): string {
  const [first] = group.entries;
  // The queue published it at the moment its scheduler chose; they are the action's author.
  if (group.action === "draft.publish-scheduled") {
    return `A draft was published as scheduled, by ${group.actor.name}: ${countNoun(group.entryCount, "change")}`;
  }
  // A term ended, or a planned holder took over, at the moment set for it (the job queue applied it).
  if (group.action === "slot.term" && first?.after) {
    const team = teamName(names, first.after.team_id);
    const role = String(first.after.role);
    return first.after.holder_id
      ? `${personName(names, first.after.holder_id)} took over as the ${role} of ${team}, as planned`
      : `The term of the ${role} of ${team} ended as planned: the slot is vacant`;
  }
  const phrase = ACTION_PHRASES[group.action];
  if (!phrase && group.entryCount === 1 && first) return `${group.actor.name} ${describeEntry(first, names)}`;
  // A few rules changed at once read in full; more, as a count.
  if (group.action === "rules.update" && group.entryCount === group.entries.length && group.entryCount <= 3) {
    return `${group.actor.name} ${group.entries.map((entry) => describeEntry(entry, names)).join("; ")}`;
  }
  if (group.action === "rules.update") return `${group.actor.name} changed ${countNoun(group.entryCount, "rule")}`;
  // Deleting a team, slot, duty or person takes what hangs on it along: the deleted row names the group. Changing a
  // team's key takes the rules that exempt it along: the changed team names the group.
  const main = group.entries.find(
    (entry) =>
      `${entry.entity}.${entry.after ? "" : "delete"}` === group.action ||
      (`${entry.entity}.update` === group.action && entry.before && entry.after),
  );
  if (!phrase && main) {
    return `${group.actor.name} ${describeEntry(main, names)}, with ${countNoun(group.entryCount - 1, "other change")}`;
  }
  const team = group.entries.find((entry) => entry.teamId)?.teamId;
  const where =
    group.action === "team.apply-split" || group.action === "team.restore" || group.action === "team.raci-import"
      ? ` in ${teamName(names, team)}`
      : "";
  return `${group.actor.name} ${phrase ?? "changed the map"}${where}: ${countNoun(group.entryCount, "change")}`;
}
