import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { analyzeMap, type TRuleFlag } from "@/lib/domain/analyze-map";
import {
  changesAround,
  flagScopeOf,
  flagsInScope,
  rowsToRead,
  scopeParts,
  type TFlagScope,
} from "@/lib/domain/flag-scope";
import { flagSentence, type TEvent, type TEventData, type TEventRef } from "@/lib/domain/events";
import { FLAGS_NOTIFIED_ONE_BY_ONE, flagSummarySentence } from "@/lib/domain/notifications";
import {
  mapFromRows,
  replayRows,
  rewindRows,
  type TJournalAction,
  type TJournalActor,
  type TJournalEntity,
  type TJournalRow,
} from "@/lib/domain/journal";
import { flagChanges, flagKey } from "@/lib/domain/map-compare";
import type { TRemitMap } from "@/lib/domain/model";
import { readRowsAround } from "@/lib/server/kernel/apply-rows";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  action: TJournalAction;
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

/** Pending groups up to this many are judged one after another, each with its own events and actor. */
const GROUPS_JUDGED_ALONE = 8;
/** A job waits this long after the change that queued it, for the changes that follow it to join. */
const FIRST_DELAY_MS = 2_000;
/**
 * A successor waits at least this many times as long as its predecessor took: a busy organisation spends at most
 * about a twentieth of a core on its flag events, however fast it writes.
 */
const PACE = 20;
/**
 * Teams a part of a change is judged in at a time (with the people who hold slots there): a burst that touches the
 * whole map holds the event loop a few milliseconds a part, not the whole map's analysis at once, and reads no more.
 */
const PART_TEAMS = 50;
/** A pending group this old has no job waiting for it (see queueStrandedFlagEvents). */
const STRANDED_SECONDS = 10;

type TPending = { group_id: string; first_seq: bigint };

/**
 * The job each organisation's writes keep queued a moment ahead (the trigger remit_queue_flag_events, migration
 * 20261208130000): the flags that its pending journal groups introduced and resolved, each an event. The map before
 * the first of them is today's rewound by every entry since; then each group's own entries are replayed onto it in
 * turn and judged by today's rules, as History's timeline judges the past. Only the part of the map those entries can
 * alter is read and judged (the teams and people they touch; all of them when they touch a duty or a rule; see
 * flagScopeOf), in parts of PART_TEAMS teams, so that a job costs what its changes touch, not what the organisation
 * holds, and never holds the event loop for a whole map's analysis. A few groups (a person's edits) are each
 * judged alone, so each event names the change and who made it; a burst of more is judged as one change (who, when
 * all were one actor; how many, in `details.changes`), so that a busy organisation costs two analyses of each part per job, not
 * per write. The groups are taken (deleted) in the job's transaction, so a failed run leaves them for its retry; a
 * group that another run of the job holds is skipped, not waited for. In a draft's workspace, the events name the
 * draft.
 */
export const emitFlagEvents = defineTask({
  name: "events.flags",
  // `groupId`: jobs queued one per group before the groups were noted as pending; those find nothing pending.
  payload: z.object({ organizationId: z.string(), groupId: z.string().optional() }),
  run: ({ organizationId }) => judgeFlagEvents(organizationId),
});

/**
 * The events.flags job's work for one organisation (see emitFlagEvents), judging in parts of `partTeams` teams (the
 * tests make them small, to judge a small map in several parts as a large one is).
 */
export async function judgeFlagEvents(organizationId: string, partTeams = PART_TEAMS): Promise<void> {
  const started = performance.now();
  await db.$transaction(
    async (tx) => {
      const pending = await tx.$queryRaw<TPending[]>`
        DELETE FROM flag_event_pending WHERE (organization_id, group_id) IN (
          SELECT organization_id, group_id FROM flag_event_pending WHERE organization_id = ${organizationId}
          FOR UPDATE SKIP LOCKED)
        RETURNING group_id, first_seq`;
      if (pending.length === 0) return;
      pending.sort((a, b) => (a.first_seq < b.first_seq ? -1 : a.first_seq > b.first_seq ? 1 : 0));
      const entries = await tx.$queryRaw<TGroupEntry[]>`
        SELECT id AS seq, group_id, entity, entity_id, before, after, actor_kind, actor_id, actor_name, action
        FROM journal_entry
        WHERE organization_id = ${organizationId} AND id >= ${pending[0]!.first_seq}
        ORDER BY id`;
      const ofGroup = new Map<string, TGroupEntry[]>();
      for (const entry of entries) {
        const own = ofGroup.get(entry.group_id);
        if (own) own.push(entry);
        else ofGroup.set(entry.group_id, [entry]);
      }
      const groups = pending.flatMap(({ group_id }) => {
        const own = ofGroup.get(group_id);
        return own ? [own] : [];
      });
      if (groups.length === 0) return;
      const changes = groups.length <= GROUPS_JUDGED_ALONE ? groups.map((own) => [own]) : [groups];
      const rules = await readRules(tx, organizationId);
      const scope = await eventScope(tx, organizationId);
      // What the entries touch (every team and person when they touch a duty or a rule), a part at a time.
      const touched = flagScopeOf(entries);
      const judged = touched.everyTeam ? await withEveryTeam(tx, organizationId, touched) : touched;
      const parts = scopeParts(judged, await readHomeTeams(tx, organizationId, judged.people), entries, partTeams);
      const eventsOf = changes.map((): TEvent[] => []);
      for (const part of parts) {
        const wanted = rowsToRead(part, entries);
        const current = await readRowsAround(tx, organizationId, wanted);
        const around = (list: readonly TGroupEntry[]) =>
          steps(changesAround(list, new Set([...wanted.teams, ...current.team.keys()])));
        const flagsOf = (map: TRemitMap) => flagsInScope(analyzeMap(map, rules).flags, part);
        let rows = rewindRows(current, around(entries));
        let before = mapFromRows(rows);
        let flagsBefore = flagsOf(before);
        changes.forEach((change, index) => {
          rows = replayRows(rows, around(change.flat()));
          const after = mapFromRows(rows);
          const flagsAfter = flagsOf(after);
          eventsOf[index]!.push(...flagEvents({ scope, before, after, flagsBefore, flagsAfter, groups: change }));
          [before, flagsBefore] = [after, flagsAfter];
        });
      }
      // Each change's events together, what it introduced before what it resolved, part after part; a change with
      // many (an import) is one summary in the inbox, its flags each an event for webhooks all the same.
      const summarised = new Set<TEvent>();
      const events = eventsOf.flatMap((list, index) => {
        const introduced = list.filter((event) => event.kind === "flag.introduced");
        const ordered = [...introduced, ...list.filter((event) => event.kind !== "flag.introduced")];
        if (ordered.length <= FLAGS_NOTIFIED_ONE_BY_ONE) return ordered;
        for (const event of ordered) summarised.add(event);
        const summary = flagSummary(scope, changes[index]!, introduced.length, ordered.length - introduced.length);
        return [...ordered, summary];
      });
      await recordEvents(tx, scope.liveId, events, { summarised });
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
  // Groups that came while it ran found it pending and queued nothing: its successor is for them.
  const delayMs = Math.max(FIRST_DELAY_MS, PACE * (performance.now() - started));
  await db.$executeRaw`SELECT remit_queue_flag_job(${organizationId}, make_interval(secs => ${delayMs / 1000}))
    WHERE EXISTS (SELECT 1 FROM flag_event_pending WHERE organization_id = ${organizationId})`;
}

/** `scope` and every team and person of the organisation: a change to a duty or a rule can alter any flag. */
async function withEveryTeam(
  tx: Prisma.TransactionClient,
  organizationId: string,
  scope: TFlagScope,
): Promise<TFlagScope> {
  const [teams, people] = await Promise.all([
    tx.team.findMany({ where: { organizationId }, select: { id: true } }),
    tx.person.findMany({ where: { organizationId }, select: { id: true } }),
  ]);
  return {
    teams: new Set([...scope.teams, ...teams.map((team) => team.id)]),
    people: new Set([...scope.people, ...people.map((person) => person.id)]),
  };
}

/** A team where each of `people` holds a slot today, by person (those who hold none are left out). */
async function readHomeTeams(
  tx: Prisma.TransactionClient,
  organizationId: string,
  people: ReadonlySet<string>,
): Promise<Map<string, string>> {
  if (people.size === 0) return new Map();
  const homes = await tx.$queryRaw<{ holder_id: string; team_id: string }[]>`
    SELECT DISTINCT ON (holder_id) holder_id, team_id FROM slot
    WHERE organization_id = ${organizationId} AND holder_id = ANY(${[...people]})
    ORDER BY holder_id, team_id`;
  return new Map(homes.map((home) => [home.holder_id, home.team_id]));
}

function steps(list: readonly TGroupEntry[]) {
  return list.map((entry) => ({
    seq: Number(entry.seq),
    entity: entry.entity,
    entityId: entry.entity_id,
    before: entry.before,
    after: entry.after,
  }));
}

/** The actor of every group of a change, when they were one; undefined otherwise. */
function actorOf(groups: readonly TGroupEntry[][]): TEventData["actor"] {
  const actors = groups.map(([first]) => ({ kind: first!.actor_kind, id: first!.actor_id, name: first!.actor_name }));
  const [one] = actors;
  return actors.every((actor) => actor.kind === one!.kind && actor.id === one!.id && actor.name === one!.name)
    ? one
    : undefined;
}

/**
 * The inbox's one event for a change that introduced and resolved more than FLAGS_NOTIFIED_ONE_BY_ONE flags: who made
 * it, the counts, and a link to the overview (its health) of the map it changed.
 */
function flagSummary(
  scope: Awaited<ReturnType<typeof eventScope>>,
  groups: readonly TGroupEntry[][],
  introduced: number,
  resolved: number,
): TEvent {
  const actor = actorOf(groups);
  const action = groups.length === 1 ? groups[0]![0]!.action : null;
  return {
    kind: "flag.summary",
    data: {
      ...scope.base,
      ...(actor ? { actor } : {}),
      sentence: flagSummarySentence({
        actorName: actor?.name ?? null,
        action,
        changes: groups.length,
        introduced,
        resolved,
      }),
      url: screenUrl(`/${scope.slug}`),
      details: { introduced, resolved, changes: groups.length, ...(action ? { action } : {}) },
    },
  };
}

/** The events of one change (one group, or a burst of them): each flag it introduced and each it resolved. */
function flagEvents({
  scope,
  before,
  after,
  flagsBefore,
  flagsAfter,
  groups,
}: {
  scope: Awaited<ReturnType<typeof eventScope>>;
  before: TRemitMap;
  after: TRemitMap;
  flagsBefore: readonly TRuleFlag[];
  flagsAfter: readonly TRuleFlag[];
  groups: readonly TGroupEntry[][];
}): TEvent[] {
  const changes = flagChanges(flagsBefore, flagsAfter);
  const actor = actorOf(groups);
  const found = (flags: readonly TRuleFlag[]) => new Map(flags.map((flag) => [flagKey(flag), flag]));
  const [foundBefore, foundAfter] = [found(flagsBefore), found(flagsAfter)];
  const eventOf = (
    kind: "flag.introduced" | "flag.resolved",
    compared: (typeof changes.introduced)[number],
  ): TEvent => {
    const [flag, map] =
      kind === "flag.introduced" ? [foundAfter.get(compared.key), after] : [foundBefore.get(compared.key), before];
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
        ...(actor ? { actor } : {}),
        sentence: flagSentence(kind, compared),
        url: screenUrl(path),
        ...(groups.length > 1 ? { details: { changes: groups.length } } : {}),
      },
    };
  };
  return [
    ...changes.introduced.map((flag) => eventOf("flag.introduced", flag)),
    ...changes.resolved.map((flag) => eventOf("flag.resolved", flag)),
  ];
}

/**
 * Queues the job of every organisation with a group pending for longer than a job waits: groups written before the
 * job queue's tables existed (each worker runs this at start), and one that committed just after its organisation's
 * job looked for more (each worker's sweep runs this every few seconds; see the trigger remit_queue_flag_events).
 */
export async function queueStrandedFlagEvents(): Promise<void> {
  await db.$executeRaw`SELECT remit_queue_flag_job(organization_id, interval '0 seconds')
    FROM (SELECT DISTINCT organization_id FROM flag_event_pending
          WHERE noted_at < now() - make_interval(secs => ${STRANDED_SECONDS})) AS stranded`;
}
