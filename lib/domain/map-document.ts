import {
  MAP_FORMAT,
  type TMapDocument,
  type TMapDocumentAssignment,
  type TMapDocumentPerson,
  type TMapDocumentSlot,
  type TMapDocumentTeam,
} from "./map-format";
import {
  compareDuties,
  compareKeys,
  compareSlots,
  type TAssignment,
  type TDuty,
  type TMapEntityKind,
  type TPerson,
  type TRemitMap,
  type TSlot,
  type TTeam,
} from "./model";
import { listRuleSettings, sortedRuleSetting, type TRules, type TRuleSetting } from "./rules";

/**
 * Makes the id of an entity created on import. `teamKey` is given for slots, whose keys are unique only in their team.
 * Return fresh ids (a cuid, a counter) or ids of existing rows to merge into.
 */
export type TCreateId = (kind: TMapEntityKind, ref: { key: string; teamKey?: string }) => string;

/**
 * The in-memory map described by a document that `validateMapDocument` accepted.
 * Slots and duties keep the order they have in the file; assignments start at version 1.
 * Throws when a reference does not resolve, which validation rules out.
 */
export function documentToMap(document: TMapDocument, createId: TCreateId): TRemitMap {
  const duties: TDuty[] = document.duties.map((duty, order) => ({
    id: createId("duty", { key: duty.key }),
    key: duty.key,
    name: duty.name,
    description: duty.description,
    required: duty.required,
    order,
  }));
  const people: TPerson[] = document.people.map((person) => ({
    id: createId("person", { key: person.key }),
    key: person.key,
    name: person.name,
    email: person.email ?? null,
    capacity: person.capacity,
  }));
  const dutyIdByKey = new Map(duties.map((duty) => [duty.key, duty.id]));
  const personIdByKey = new Map(people.map((person) => [person.key, person.id]));

  const teams: TTeam[] = [];
  const slots: TSlot[] = [];
  const assignments: TAssignment[] = [];
  for (const documentTeam of document.teams) {
    const team: TTeam = {
      id: createId("team", { key: documentTeam.key }),
      key: documentTeam.key,
      name: documentTeam.name,
      description: documentTeam.description ?? null,
      // An empty group is no group.
      group: documentTeam.group || null,
    };
    teams.push(team);

    const slotIdByKey = new Map<string, string>();
    documentTeam.slots.forEach((documentSlot, order) => {
      const slot: TSlot = {
        id: createId("slot", { key: documentSlot.key, teamKey: team.key }),
        key: documentSlot.key,
        teamId: team.id,
        role: documentSlot.role,
        title: documentSlot.title ?? null,
        holderId: documentSlot.holder === null ? null : resolve(personIdByKey, documentSlot.holder, "person", team.key),
        holderUntil: documentSlot.holderUntil ?? null,
        nextHolderId: documentSlot.nextHolder
          ? resolve(personIdByKey, documentSlot.nextHolder, "person", team.key)
          : null,
        nextHolderFrom: documentSlot.nextHolderFrom ?? null,
        allocation: documentSlot.allocation,
        order,
      };
      slotIdByKey.set(slot.key, slot.id);
      slots.push(slot);
    });

    for (const documentAssignment of documentTeam.assignments) {
      assignments.push({
        teamId: team.id,
        dutyId: resolve(dutyIdByKey, documentAssignment.duty, "duty", team.key),
        slotId: resolve(slotIdByKey, documentAssignment.slot, "slot", team.key),
        level: documentAssignment.level,
        version: 1,
      });
    }
  }

  return { people, teams, slots, duties, assignments };
}

/**
 * The document for a map, in a stable order so that exporting twice gives the same bytes: duties by catalogue order,
 * people and teams by key, slots by slot order, assignments by duty order then slot order. Optional fields that are
 * null are left out. Ids and versions are not exported. With `rules`, every rule's settings in the catalogue's order
 * (parameter objects with their keys sorted). Throws when the map points at something it lacks.
 */
export function mapToDocument(map: TRemitMap, rules?: TRules): TMapDocument {
  const duties = [...map.duties].sort(compareDuties);
  const dutyRank = new Map(duties.map((duty, rank) => [duty.id, rank]));
  const personKeyById = new Map(map.people.map((person) => [person.id, person.key]));

  const teamIds = new Set(map.teams.map((team) => team.id));
  const slotsByTeam = new Map<string, TSlot[]>();
  for (const slot of map.slots) {
    if (!teamIds.has(slot.teamId))
      throw new Error(`Slot ${slot.key} belongs to team ${slot.teamId}, which is not in the map.`);
    pushTo(slotsByTeam, slot.teamId, slot);
  }
  const slotById = new Map(map.slots.map((slot) => [slot.id, slot]));
  const assignmentsByTeam = new Map<string, TAssignment[]>();
  for (const assignment of map.assignments) {
    // The slot decides the team, as it does in the analysis.
    const slot = slotById.get(assignment.slotId);
    if (!slot) throw new Error(`An assignment points at slot ${assignment.slotId}, which is not in the map.`);
    pushTo(assignmentsByTeam, slot.teamId, assignment);
  }

  const teams = [...map.teams]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((team): TMapDocumentTeam => {
      const teamSlots = (slotsByTeam.get(team.id) ?? []).sort(compareSlots);
      const slotRank = new Map(teamSlots.map((slot, rank) => [slot.id, rank]));
      const documentSlots = teamSlots.map((slot): TMapDocumentSlot => {
        const personKey = (id: string | null, what: string) => {
          const key = id === null ? null : personKeyById.get(id);
          if (key === undefined)
            throw new Error(`Slot ${slot.key} of team ${team.key}: ${what} ${id}, not in the map.`);
          return key;
        };
        const nextHolder = personKey(slot.nextHolderId, "its next holder is");
        return {
          key: slot.key,
          role: slot.role,
          ...(slot.title === null ? {} : { title: slot.title }),
          holder: personKey(slot.holderId, "it is held by"),
          ...(slot.holderUntil === null ? {} : { holderUntil: slot.holderUntil }),
          ...(nextHolder === null || slot.nextHolderFrom === null
            ? {}
            : { nextHolder, nextHolderFrom: slot.nextHolderFrom }),
          allocation: slot.allocation,
        };
      });

      const rankOf = (assignment: TAssignment) => {
        const duty = dutyRank.get(assignment.dutyId);
        if (duty === undefined) {
          throw new Error(
            `An assignment in team ${team.key} points at duty ${assignment.dutyId}, which is not in the map.`,
          );
        }
        return { duty, slot: slotRank.get(assignment.slotId)! };
      };
      const documentAssignments = (assignmentsByTeam.get(team.id) ?? [])
        .map((assignment) => ({ assignment, rank: rankOf(assignment) }))
        .sort((a, b) => a.rank.duty - b.rank.duty || a.rank.slot - b.rank.slot)
        .map(({ assignment, rank }): TMapDocumentAssignment => ({
          duty: duties[rank.duty]!.key,
          slot: teamSlots[rank.slot]!.key,
          level: assignment.level,
        }));

      return {
        key: team.key,
        name: team.name,
        ...(team.description === null ? {} : { description: team.description }),
        ...(team.group === null ? {} : { group: team.group }),
        slots: documentSlots,
        assignments: documentAssignments,
      };
    });

  return {
    format: MAP_FORMAT,
    duties: duties.map((duty) => ({
      key: duty.key,
      name: duty.name,
      description: duty.description,
      required: duty.required,
    })),
    people: [...map.people]
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((person): TMapDocumentPerson => ({
        key: person.key,
        name: person.name,
        ...(person.email === null ? {} : { email: person.email }),
        capacity: person.capacity,
      })),
    teams,
    ...(rules ? { rules: documentRules(rules, new Set(map.teams.map((team) => team.key))) } : {}),
  };
}

/**
 * Every rule's settings for a document, exempting only teams the map has (a key no team has matches nothing, and the
 * document's own check would refuse it), so that an export can always be imported back.
 */
function documentRules(rules: TRules, teamKeys: ReadonlySet<string>): TRuleSetting[] {
  return listRuleSettings(rules).map((setting) => {
    const sorted = sortedRuleSetting(setting);
    return { ...sorted, exemptTeams: sorted.exemptTeams.filter((key) => teamKeys.has(key)) };
  });
}

function resolve(ids: ReadonlyMap<string, string>, key: string, kind: TMapEntityKind, teamKey: string): string {
  const id = ids.get(key);
  if (id === undefined) {
    throw new Error(`Team ${teamKey} refers to ${kind} "${key}", which the document lacks; validate it first.`);
  }
  return id;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A short fingerprint of a map document (its exported bytes), to tell whether a map changed between two reads: the
 * export's ETag, and what an import sends as If-Match so that it never replaces edits its preview did not show.
 * Not a security measure: a fast, well-mixed 64-bit hash (two 32-bit lanes) of the JSON text.
 */
export function documentFingerprint(document: TMapDocument): string {
  return textFingerprint(JSON.stringify(document));
}

/** A 64-bit hash of text as 16 hex digits (cyrb53 twice): equal texts, equal fingerprints; not for secrets. */
export function textFingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16).padStart(8, "0")}${(h1 >>> 0).toString(16).padStart(8, "0")}`;
}
