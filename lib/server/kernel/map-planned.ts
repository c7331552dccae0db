import "server-only";
import { db } from "@/lib/db";
import { documentToMap, mapToDocument, type TCreateId } from "@/lib/domain/map-document";
import type { TMapDocument } from "@/lib/domain/map-format";
import { withEveryRule } from "@/lib/domain/map-merge";
import { planMap, type TPlannedStep, type TScheduledDraft } from "@/lib/domain/map-plan";
import { anyTermChangeBy } from "@/lib/domain/slot-terms";
import type { TRemitMap } from "@/lib/domain/model";
import { resolveRules, type TRules } from "@/lib/domain/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { validateMapDocument } from "@/lib/validation/map";

type TLive = { map: TRemitMap; rules: TRules };
type TReadSnapshot = (organizationId: string) => Promise<TLive>;
type TToMap = (document: TMapDocument) => TRemitMap;

/** The drafts of an organisation scheduled to publish by `at` and not refused, earliest first. */
async function scheduledBy(organizationId: string, at: Date) {
  return db.draft.findMany({
    where: {
      organizationId,
      publishedAt: null,
      scheduledAt: { not: null, lte: at },
      scheduleRefusal: { equals: Prisma.DbNull },
    },
    select: { id: true, name: true, workspaceId: true, base: true, scheduledAt: true },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
  });
}

/** Ids for a planned map: the live row's where the key is live's, else one that says it is planned. */
function liveIds(live: TRemitMap): TCreateId {
  const ids = new Map<string, string>();
  for (const team of live.teams) ids.set(`team:${team.key}`, team.id);
  for (const person of live.people) ids.set(`person:${person.key}`, person.id);
  for (const duty of live.duties) ids.set(`duty:${duty.key}`, duty.id);
  const teamKeys = new Map(live.teams.map((team) => [team.id, team.key]));
  for (const slot of live.slots) ids.set(`slot:${teamKeys.get(slot.teamId)}/${slot.key}`, slot.id);
  return (kind, { key, teamKey }) => {
    const path = `${kind}:${teamKey === undefined ? key : `${teamKey}/${key}`}`;
    return ids.get(path) ?? `planned:${path}`;
  };
}

/**
 * The map as it will be at a future moment (issue 22): live, with the drafts scheduled to publish by then merged in
 * the order they are due and the terms that end or start by then applied (see `planMap`), judged by the rules that
 * result. `steps` says what the plan holds, in order, and which drafts it leaves out because they will need
 * choices (none: the plan is live); `live` is the map it starts from, and `toMap` makes a document a map with live's
 * ids. `read` is the snapshot cache's reader (live's and each draft's workspace's map as they are now).
 */
export async function readPlanned(
  organizationId: string,
  at: Date,
  read: TReadSnapshot,
): Promise<{ map: TRemitMap; rules: TRules; steps: TPlannedStep[]; live: TLive; toMap: TToMap }> {
  const [live, scheduled] = await Promise.all([read(organizationId), scheduledBy(organizationId, at)]);
  // Live's ids by key, made once however many drafts' maps the plan (or the timeline) turns into maps.
  let ids: TCreateId | undefined;
  const toMap: TToMap = (document) => documentToMap(document, (ids ??= liveIds(live.map)));
  if (scheduled.length === 0 && !anyTermChangeBy(live.map.slots, at.getTime())) {
    return { map: live.map, rules: live.rules, steps: [], live, toMap };
  }
  const drafts = await Promise.all(
    scheduled.map(async (draft): Promise<TScheduledDraft> => {
      const base = validateMapDocument(draft.base);
      if (!base.ok) throw new Error(`The base map of draft ${draft.id} is not a valid map document.`);
      const workspace = await read(draft.workspaceId);
      return {
        id: draft.id,
        name: draft.name,
        at: draft.scheduledAt!,
        base: withEveryRule(base.document),
        draft: mapToDocument(workspace.map, workspace.rules),
      };
    }),
  );
  const { document, steps } = planMap(mapToDocument(live.map, live.rules), drafts, at);
  return { map: toMap(document), rules: resolveRules(document.rules ?? []), steps, live, toMap };
}
