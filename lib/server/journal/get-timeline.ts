import "server-only";
import { db } from "@/lib/db";
import { analyzeMap } from "@/lib/domain/analyze-map";
import {
  mapFromRows,
  rewindRows,
  type TJournalEntity,
  type TJournalGroupView,
  type TJournalRow,
} from "@/lib/domain/journal";
import type { TRules } from "@/lib/domain/rules";
import { actionFlags, plannedItems, type TTimelineItem } from "@/lib/domain/timeline";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { readMapRows } from "@/lib/server/kernel/apply-rows";
import { readPlanned } from "@/lib/server/kernel/map-planned";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import { readJournalPage } from "./read-journal";

const DAY_MS = 86_400_000;
/** The past a timeline shows unless asked: the last 30 days; the future: the next 90. */
export const TIMELINE_PAST_DAYS = 30;
export const TIMELINE_FUTURE_DAYS = 90;
/** The most recent actions a timeline lists (each costs two analyses of the map). */
export const TIMELINE_PAST_ACTIONS = 20;

type TEntryRow = {
  id: bigint;
  group_id: string;
  entity: TJournalEntity;
  entity_id: string;
  before: TJournalRow | null;
};

/**
 * The organisation's most recent actions from `from` to `to` (at most TIMELINE_PAST_ACTIONS, newest kept), oldest
 * first, each with the flags it resolved and introduced: the map now, rewound an action at a time through the journal,
 * judged by today's rules (as time travel judges the past).
 */
async function pastItems(organizationId: string, rules: TRules, from: Date, to: Date): Promise<TTimelineItem[]> {
  const page = await readJournalPage(organizationId, { from, to, limit: TIMELINE_PAST_ACTIONS }, {});
  const actions = page.groups.filter((group) => group.entryCount > 0).map((group) => group.groupId);
  if (actions.length === 0) return page.groups.map((group) => itemOf(group, undefined)).reverse();
  // The map now and every entry since the oldest action listed, in one snapshot.
  const { rows, entries } = await db.$transaction(
    async (tx) => {
      const [start] = await tx.$queryRaw<{ first: bigint }[]>`
        SELECT min(id) AS first FROM journal_entry
        WHERE organization_id = ${organizationId} AND group_id = ANY(${actions})`;
      return {
        rows: await readMapRows(tx, organizationId),
        entries: await tx.$queryRaw<TEntryRow[]>`
          SELECT id, group_id, entity, entity_id, before FROM journal_entry
          WHERE organization_id = ${organizationId} AND id >= ${start!.first} ORDER BY id DESC`,
      };
    },
    { isolationLevel: "RepeatableRead" },
  );
  // Newest first: each action's entries, and any later entry not yet rewound, take the map back to before it.
  let current = rows;
  let after = analyzeMap(mapFromRows(current), rules);
  let next = 0;
  const flagsOf = new Map<string, TTimelineItem["flags"]>();
  for (const groupId of actions) {
    const first = entries.filter((entry) => entry.group_id === groupId).at(-1);
    if (!first) continue;
    const end = entries.findIndex((entry, index) => index >= next && entry.id < first.id);
    const batch = entries.slice(next, end === -1 ? entries.length : end);
    next = end === -1 ? entries.length : end;
    current = rewindRows(
      current,
      batch.map((entry) => ({
        seq: Number(entry.id),
        entity: entry.entity,
        entityId: entry.entity_id,
        before: entry.before,
      })),
    );
    const { analysisBefore, flags } = actionFlags(mapFromRows(current), after, rules);
    flagsOf.set(groupId, flags);
    after = analysisBefore;
  }
  return page.groups.map((group) => itemOf(group, flagsOf.get(group.groupId))).reverse();
}

function itemOf(group: TJournalGroupView, flags: TTimelineItem["flags"] | undefined): TTimelineItem {
  return {
    at: group.at,
    kind: group.entryCount > 0 ? "action" : "note",
    sentence: group.sentence,
    groupId: group.groupId,
    draftId: null,
    conflicts: 0,
    flags: flags ?? { resolved: [], introduced: [] },
  };
}

/**
 * What happened from `from` and what is coming until `to` (by default the last 30 days and the next 90): the
 * journal's most recent actions (and notes) and the drafts scheduled to publish, oldest first, each with the flags
 * it resolves and introduces (a scheduled publish: against the plan as the ones before it leave it).
 */
export async function getTimeline({
  actor,
  orgSlug,
  from,
  to,
}: {
  actor: TActor | null;
  orgSlug: string;
  from?: Date;
  to?: Date;
}): Promise<{ from: string; to: string; items: TTimelineItem[] }> {
  const { organization } = await authorize({ actor, orgSlug, permission: "read" });
  const now = Date.now();
  const start = from ?? new Date(now - TIMELINE_PAST_DAYS * DAY_MS);
  const end = to ?? new Date(now + TIMELINE_FUTURE_DAYS * DAY_MS);
  const live = await mapSnapshots.read(organization.id);
  const [past, planned] = await Promise.all([
    start.getTime() <= now ? pastItems(organization.id, live.rules, start, new Date(Math.min(end.getTime(), now))) : [],
    end.getTime() > now ? readPlanned(organization.id, end, (id) => mapSnapshots.read(id)) : null,
  ]);
  const coming = planned
    ? plannedItems(planned.live, planned.steps, planned.toMap).filter((item) => Date.parse(item.at) >= start.getTime())
    : [];
  return { from: start.toISOString(), to: end.toISOString(), items: [...past, ...coming] };
}

/** What is coming in the next TIMELINE_FUTURE_DAYS days: the timeline from now on (the overview's "Coming up"). */
export async function getComingUp({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }) {
  return (await getTimeline({ actor, orgSlug, from: new Date() })).items;
}
