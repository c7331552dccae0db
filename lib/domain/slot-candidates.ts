// Who could fill a slot: every person ranked by how well giving them the slot fits the organisation's rules.
import { analyzeMap, PERSON_FLAG_KINDS, type TMapAnalysis, type TRuleFlag, type TSeverity } from "./analyze-map";
import { compareNames, type TEntityRef, type TRemitMap, type TSlot } from "./model";
import type { TRules } from "./rules";

/** What one flag weighs when candidates are ranked: an error outweighs any number of warnings a slot can bring. */
export const SEVERITY_WEIGHT: Readonly<Record<TSeverity, number>> = { error: 100, warning: 10, info: 1 };

export type TCandidateFit = "good" | "fair" | "poor";

export type TNamedRef = TEntityRef & { name: string };

export type TSlotCandidate = {
  person: TNamedRef;
  capacity: number;
  /** What their slots take now, in full-time equivalents. */
  allocated: number;
  /** capacity − allocated, now (negative when already over). */
  spare: number;
  /** What would be left once they also hold this slot. */
  spareAfter: number;
  /** Teams where they hold a slot now, by name. */
  teams: TNamedRef[];
  /** Flags giving them the slot would raise, under the organisation's rules. */
  introduces: TRuleFlag[];
  /** Flags they have already that the slot would make worse: a heavier overload, a wider spread. */
  worsens: TRuleFlag[];
  /** Flags giving them the slot would clear (the slot's vacancy, its previous holder's overload...). */
  resolves: TRuleFlag[];
  /** good: raises nothing; fair: raises only info; poor: raises a warning or an error. */
  fit: TCandidateFit;
  /** The fit in words, for the holder picker. */
  summary: string;
};

export type TSlotCandidates = {
  team: TNamedRef;
  slot: TEntityRef & { role: string; allocation: number };
  /** People who could take the slot (everyone but its holder), best first, at most `limit`. */
  candidates: TSlotCandidate[];
  /** How many people were ranked. */
  total: number;
};

/**
 * Every person but the slot's holder, ranked by what giving them the slot would do under `rules`: fewest and least
 * severe flags raised (net of those cleared), then most capacity left, then fewest teams, then name.
 *
 * Each candidate is judged by the real analysis (`analyzeMap`), run on the part of the map the change can touch: the
 * slot's team (its slots and cells) and every slot of the candidate and of the slot's holder; flags are matched by id
 * with those of `analysis` (the whole map's, computed once when not given). A person flag spans only that person's
 * slots and a team flag only its team's, so this is exact, and each candidate costs about one team's analysis.
 * Returns null when the slot is not in the map.
 */
export function rankSlotCandidates(
  map: TRemitMap,
  rules: TRules,
  slotId: string,
  { analysis = analyzeMap(map, rules), limit = Infinity }: { analysis?: TMapAnalysis<TRuleFlag>; limit?: number } = {},
): TSlotCandidates | null {
  const slot = map.slots.find((entry) => entry.id === slotId);
  const team = slot && map.teams.find((entry) => entry.id === slot.teamId);
  if (!slot || !team) return null;

  const personById = new Map(map.people.map((person) => [person.id, person]));
  const teamById = new Map(map.teams.map((entry) => [entry.id, entry]));
  const heldBy = new Map<string, TSlot[]>();
  for (const entry of map.slots) {
    if (entry.holderId === null || !teamById.has(entry.teamId)) continue;
    const list = heldBy.get(entry.holderId);
    if (list) list.push(entry);
    else heldBy.set(entry.holderId, [entry]);
  }
  const teamSlots = map.slots.filter((entry) => entry.teamId === team.id);
  const teamAssignments = map.assignments.filter((entry) => entry.teamId === team.id);
  const teamHolders = new Set(teamSlots.flatMap((entry) => (entry.holderId === null ? [] : [entry.holderId])));

  // The flags now, as the change can touch them: the team's own, and each person's.
  const teamFlagsBefore = analysis.flags.filter(
    (flag) => !PERSON_FLAG_KINDS.has(flag.kind) && "team" in flag && flag.team.id === team.id,
  );
  const personFlagsBefore = new Map<string, TRuleFlag[]>();
  for (const flag of analysis.flags) {
    if (!PERSON_FLAG_KINDS.has(flag.kind) || !("person" in flag)) continue;
    const list = personFlagsBefore.get(flag.person.id);
    if (list) list.push(flag);
    else personFlagsBefore.set(flag.person.id, [flag]);
  }

  const oldHolder = slot.holderId;
  const slotHasAssignment = teamAssignments.some((entry) => entry.slotId === slot.id);
  let outsiderTeamFlags: TRuleFlag[] | null = null;
  const candidates: (TSlotCandidate & { weight: number })[] = [];
  for (const person of map.people) {
    if (person.id === oldHolder) continue;
    const concerned = new Set([person.id, ...(oldHolder === null ? [] : [oldHolder])]);
    // The team's flags after: the same for everyone who holds no other slot in it (none of its flags names them,
    // unless the slot is idle), so those are judged once.
    const isOutsider = !teamHolders.has(person.id) && slotHasAssignment;
    let teamFlagsAfter: TRuleFlag[] | null = isOutsider ? outsiderTeamFlags : null;
    if (!teamFlagsAfter) {
      teamFlagsAfter = analyzeMap(
        {
          duties: map.duties,
          teams: [team],
          people: [...new Set([...teamHolders, person.id])].flatMap((id) => personById.get(id) ?? []),
          slots: teamSlots.map((entry) => (entry.id === slot.id ? { ...entry, holderId: person.id } : entry)),
          assignments: teamAssignments,
        },
        rules,
      ).flags.filter((flag) => !PERSON_FLAG_KINDS.has(flag.kind));
      if (isOutsider) outsiderTeamFlags = teamFlagsAfter;
    }
    // Their person flags after, and the holder's: only their slots count, not the duties or cells.
    const theirSlots = [...concerned].flatMap((id) =>
      (heldBy.get(id) ?? []).map((held) => (held.id === slot.id ? { ...held, holderId: person.id } : held)),
    );
    if (!theirSlots.some((held) => held.id === slot.id)) theirSlots.push({ ...slot, holderId: person.id });
    const personFlagsAfter = analyzeMap(
      {
        duties: [],
        teams: [...new Set(theirSlots.map((held) => held.teamId))].map((id) => teamById.get(id)!),
        people: [...concerned].flatMap((id) => personById.get(id) ?? []),
        slots: theirSlots,
        assignments: [],
      },
      rules,
    ).flags.filter((flag) => PERSON_FLAG_KINDS.has(flag.kind) && "person" in flag && concerned.has(flag.person.id));
    const flagsAfter = [...teamFlagsAfter, ...personFlagsAfter];
    const flagsBefore = [...teamFlagsBefore, ...[...concerned].flatMap((id) => personFlagsBefore.get(id) ?? [])];
    const idsBefore = new Set(flagsBefore.map((flag) => flag.id));
    const idsAfter = new Set(flagsAfter.map((flag) => flag.id));
    const introduces = flagsAfter.filter((flag) => !idsBefore.has(flag.id));
    const resolves = flagsBefore.filter((flag) => !idsAfter.has(flag.id));
    const beforeById = new Map(flagsBefore.map((flag) => [flag.id, flag]));
    const worsens = flagsAfter.filter((flag) => {
      const was = beforeById.get(flag.id);
      return was !== undefined && "person" in flag && flag.person.id === person.id && isWorse(was, flag);
    });

    const held = heldBy.get(person.id) ?? [];
    const allocated = round(held.reduce((sum, entry) => sum + entry.allocation, 0));
    const spare = round(person.capacity - allocated);
    const spareAfter = round(spare - slot.allocation);
    const heldTeams = [...new Set(held.map((entry) => entry.teamId))]
      .map((id) => teamById.get(id)!)
      .sort(compareNames)
      .map(named);
    const raised = [...introduces, ...worsens];
    const fit: TCandidateFit = raised.some((flag) => flag.severity !== "info")
      ? "poor"
      : raised.length > 0
        ? "fair"
        : "good";
    candidates.push({
      person: named(person),
      capacity: person.capacity,
      allocated,
      spare,
      spareAfter,
      teams: heldTeams,
      introduces,
      worsens,
      resolves,
      fit,
      summary: describeFit(raised, spareAfter, person.capacity, allocated + slot.allocation, heldTeams.length),
      weight: weigh(raised) - weigh(resolves),
    });
  }
  candidates.sort(
    (a, b) =>
      a.weight - b.weight ||
      b.spareAfter - a.spareAfter ||
      a.teams.length - b.teams.length ||
      compareNames({ name: a.person.name, id: a.person.id }, { name: b.person.name, id: b.person.id }),
  );
  return {
    team: named(team),
    slot: { id: slot.id, key: slot.key, role: slot.role, allocation: slot.allocation },
    candidates: candidates.slice(0, limit).map(({ weight: _weight, ...candidate }) => candidate),
    total: candidates.length,
  };
}

/** Whether a person flag reaches further after than before: more allocated, or more teams. */
function isWorse(before: TRuleFlag, after: TRuleFlag): boolean {
  if (before.kind === "overloaded_person" && after.kind === "overloaded_person")
    return after.allocated > before.allocated;
  if ((before.kind === "po_spread" || before.kind === "person_spread") && after.kind === before.kind) {
    return after.teams.length > before.teams.length;
  }
  return false;
}

/** The sum of the flags' severity weights. */
export function weigh(flags: readonly { severity: TSeverity }[]): number {
  let sum = 0;
  for (const flag of flags) sum += SEVERITY_WEIGHT[flag.severity];
  return sum;
}

/** "Fits: 0.5 spare after this slot, on 1 team now." or "Would be overloaded (1.5 of 1); would hold both PO and PM in Checkout". */
function describeFit(
  introduces: readonly TRuleFlag[],
  spareAfter: number,
  capacity: number,
  allocatedAfter: number,
  teamCount: number,
): string {
  const teams = teamCount === 0 ? "on no team yet" : `on ${teamCount} ${teamCount === 1 ? "team" : "teams"} now`;
  const problems = introduces.flatMap((flag) => {
    switch (flag.kind) {
      case "overloaded_person":
        return [`would be overloaded (${amount(allocatedAfter)} of ${amount(capacity)})`];
      case "dual_role":
        return ["would hold both the PO and the PM slot here"];
      case "po_spread":
        return [`would be PO in ${flag.teams.length} teams`];
      case "person_spread":
        return [`would hold slots in ${flag.teams.length} teams`];
      case "team_size":
        return [`would make the team ${flag.people} people`];
      case "idle_slot":
        return [];
      default:
        return [flag.message];
    }
  });
  const room = spareAfter >= 0 ? `${amount(spareAfter)} spare after this slot` : `${amount(-spareAfter)} over capacity`;
  if (problems.length === 0) return `Fits: ${room}, ${teams}.`;
  const [first, ...rest] = problems;
  return `${capitalize(first!)}${rest.map((text) => `; ${text}`).join("")}. ${capitalize(room)}, ${teams}.`;
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function named(entity: { id: string; key: string; name: string }): TNamedRef {
  return { id: entity.id, key: entity.key, name: entity.name };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function amount(value: number): string {
  return String(Math.round(value * 100) / 100);
}
