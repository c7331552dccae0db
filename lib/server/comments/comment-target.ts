import "server-only";
import type { TEventData, TEventRef } from "@/lib/domain/events";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { screenUrl } from "@/lib/server/events/event-rows";
import type { TCommentTarget } from "@/lib/validation/comments";

/** A thread's target as stored: the kind, and the ids it has. */
export type TTargetIds = {
  kind: TCommentTarget["kind"];
  teamId: string | null;
  dutyId: string | null;
  slotId: string | null;
  draftId: string | null;
};

/** A target found in the organisation: its ids, what events name, where it is seen, and how a sentence calls it. */
export type TFoundTarget = TTargetIds &
  Pick<TEventData, "team" | "duty" | "slot"> & {
    draft: { id: string; name: string } | null;
    url: string;
    label: string;
  };

export function targetIds(target: TCommentTarget): TTargetIds {
  return {
    kind: target.kind,
    teamId: "teamId" in target ? target.teamId : null,
    dutyId: "dutyId" in target ? target.dutyId : null,
    slotId: "slotId" in target ? target.slotId : null,
    draftId: "draftId" in target ? (target.draftId ?? null) : null,
  };
}

const NAMED = { id: true, key: true, name: true } as const;

/**
 * Finds `ids` in the live organisation `organization` (or, with a draft, in that draft's map), or 400 naming every
 * field that is not there: an unknown team, duty, slot or draft, or a slot of another team.
 */
export async function findTarget(
  client: Prisma.TransactionClient,
  organization: { id: string; slug: string },
  ids: TTargetIds,
): Promise<TFoundTarget> {
  const problems: Record<string, string[]> = {};
  const draft = ids.draftId
    ? await client.draft.findFirst({
        where: { id: ids.draftId, organizationId: organization.id },
        select: { id: true, name: true, workspace: { select: { id: true, slug: true } } },
      })
    : null;
  if (ids.draftId && !draft) problems["target.draftId"] = ["There is no draft with this id in this organisation."];
  const scope = draft ? draft.workspace : organization;
  const where = draft ? "in this draft" : "in this organisation";
  const [team, duty, slot] = await Promise.all([
    ids.teamId ? client.team.findFirst({ where: { id: ids.teamId, organizationId: scope.id }, select: NAMED }) : null,
    ids.dutyId ? client.duty.findFirst({ where: { id: ids.dutyId, organizationId: scope.id }, select: NAMED }) : null,
    ids.slotId
      ? client.slot.findFirst({
          where: { id: ids.slotId, organizationId: scope.id },
          select: { id: true, key: true, role: true, title: true, teamId: true },
        })
      : null,
  ]);
  if (ids.teamId && !team) problems["target.teamId"] = [`There is no team with this id ${where}.`];
  if (ids.dutyId && !duty) problems["target.dutyId"] = [`There is no duty with this id ${where}.`];
  if (ids.slotId && !slot) problems["target.slotId"] = [`There is no slot with this id ${where}.`];
  if (slot && team && slot.teamId !== team.id) problems["target.slotId"] = ["This slot is not one of this team's."];
  const fields = Object.keys(problems);
  if (fields.length > 0) {
    throw new AppError("invalid_input", `Check the comment's target: ${fields.join(", ")}.`, problems);
  }
  const slotRef: TEventRef | undefined = slot
    ? { id: slot.id, key: slot.key, name: slot.title ?? slot.role }
    : undefined;
  const label =
    ids.kind === "draft"
      ? `draft “${draft?.name ?? ""}”`
      : ids.kind === "team"
        ? `team “${team?.name ?? ""}”`
        : `“${duty?.name ?? ""}” of ${slotRef?.name ?? ""} in team “${team?.name ?? ""}”`;
  const url =
    team && ids.kind !== "draft"
      ? screenUrl(`/${scope.slug}/teams/${team.id}`)
      : screenUrl(`/${organization.slug}/drafts/${draft?.id ?? ""}/compare`);
  return {
    ...ids,
    ...(team ? { team } : {}),
    ...(duty ? { duty } : {}),
    ...(slotRef ? { slot: slotRef } : {}),
    draft: draft ? { id: draft.id, name: draft.name } : null,
    url,
    label,
  };
}
