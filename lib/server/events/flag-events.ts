import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { analyzeMap, type TRuleFlag } from "@/lib/domain/analyze-map";
import { flagSentence, type TEvent, type TEventData, type TEventRef } from "@/lib/domain/events";
import {
  mapFromRows,
  replayRows,
  rewindRows,
  type TJournalActor,
  type TJournalEntity,
  type TJournalRow,
} from "@/lib/domain/journal";
import { flagChanges, flagKey } from "@/lib/domain/map-compare";
import type { TRemitMap } from "@/lib/domain/model";
import { readMapRows } from "@/lib/server/kernel/apply-rows";
import { readRules } from "@/lib/server/kernel/read-rules";
import { defineTask } from "@/lib/server/jobs/job-queue";
import { eventScope, screenUrl } from "./event-rows";
import { recordEvents } from "./record-events";

type TGroupEntry = {
  seq: bigint;
  group_id: string;
  entity: TJournalEntity;
  entity_id: string;
  before: TJournalRow | null;
  after: TJournalRow | null;
  actor_kind: TJournalActor["kind"];
  actor_id: string | null;
  actor_name: string;
};

/** A flag's team, duty, slot and person, by id, key and name (from the map the flag was found in). */
function flagRefs(flag: TRuleFlag, map: TRemitMap): Pick<TEventData, "team" | "duty" | "slot" | "person"> {
  const named = (
    ref: { id: string; key: string },
    rows: readonly { id: string; name?: string; title?: string | null; role?: string }[],
  ): TEventRef => {
    const row = rows.find((candidate) => candidate.id === ref.id);
    return { id: ref.id, key: ref.key, name: row?.name ?? row?.title ?? row?.role ?? ref.key };
  };
  return {
    ...("team" in flag ? { team: named(flag.team, map.teams) } : {}),
    ...("duty" in flag ? { duty: named(flag.duty, map.duties) } : {}),
    ...("slot" in flag ? { slot: named(flag.slot, map.slots) } : {}),
    ...("person" in flag ? { person: named(flag.person, map.people) } : {}),
  };
}

/**
 * The job the journal queues for each group of changes while an endpoint of the organisation listens to flag events
 * (the trigger remit_queue_flag_events): after the group commits, the flags it introduced and resolved, each an
 * event. The map before the group is today's rewound by every entry since the group's first; after it, that map with
 * the group's own entries replayed; both judged by today's rules, as History's timeline judges the past. In a
 * draft's workspace, the events name the draft.
 */
export const emitFlagEvents = defineTask({
  name: "events.flags",
  payload: z.object({ organizationId: z.string(), groupId: z.string() }),
  run: async ({ organizationId, groupId }) => {
    await db.$transaction(
      async (tx) => {
        const entries = await tx.$queryRaw<TGroupEntry[]>`
          SELECT id AS seq, group_id, entity, entity_id, before, after, actor_kind, actor_id, actor_name
          FROM journal_entry
          WHERE organization_id = ${organizationId} AND id >= (
            SELECT min(id) FROM journal_entry WHERE organization_id = ${organizationId} AND group_id = ${groupId})
          ORDER BY id`;
        const own = entries.filter((entry) => entry.group_id === groupId);
        const first = own[0];
        if (!first) return;
        const steps = (list: TGroupEntry[]) =>
          list.map((entry) => ({
            seq: Number(entry.seq),
            entity: entry.entity,
            entityId: entry.entity_id,
            before: entry.before,
            after: entry.after,
          }));
        const rowsBefore = rewindRows(await readMapRows(tx, organizationId), steps(entries));
        const [before, after] = [mapFromRows(rowsBefore), mapFromRows(replayRows(rowsBefore, steps(own)))];
        const rules = await readRules(tx, organizationId);
        const [flagsBefore, flagsAfter] = [analyzeMap(before, rules).flags, analyzeMap(after, rules).flags];
        const changes = flagChanges(flagsBefore, flagsAfter);
        if (changes.introduced.length + changes.resolved.length === 0) return;
        const scope = await eventScope(tx, organizationId);
        const actor = { kind: first.actor_kind, id: first.actor_id, name: first.actor_name };
        const found = (flags: readonly TRuleFlag[]) => new Map(flags.map((flag) => [flagKey(flag), flag]));
        const [foundBefore, foundAfter] = [found(flagsBefore), found(flagsAfter)];
        const eventOf = (
          kind: "flag.introduced" | "flag.resolved",
          compared: (typeof changes.introduced)[number],
        ): TEvent => {
          const [flag, map] =
            kind === "flag.introduced"
              ? [foundAfter.get(compared.key), after]
              : [foundBefore.get(compared.key), before];
          const refs = flag ? flagRefs(flag, map) : {};
          const path = refs.team
            ? `/${scope.slug}/teams/${refs.team.id}`
            : refs.person
              ? `/${scope.slug}/people/${refs.person.id}`
              : `/${scope.slug}`;
          return {
            kind,
            data: {
              ...scope.base,
              ...refs,
              flag: compared,
              actor,
              sentence: flagSentence(kind, compared),
              url: screenUrl(path),
            },
          };
        };
        await recordEvents(tx, scope.liveId, [
          ...changes.introduced.map((flag) => eventOf("flag.introduced", flag)),
          ...changes.resolved.map((flag) => eventOf("flag.resolved", flag)),
        ]);
      },
      { isolationLevel: "RepeatableRead", timeout: 60_000 },
    );
  },
});
