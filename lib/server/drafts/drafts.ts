import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { TDraftComparison, TDraftPlan, TDraftSchedule, TDraftView, TScheduler } from "@/lib/domain/drafts";
import { compareMaps } from "@/lib/domain/map-compare";
import { mapToDocument } from "@/lib/domain/map-document";
import { mergeMapDocuments, withEveryRule, type TMergeChoice, type TMergeConflict } from "@/lib/domain/map-merge";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize, type TOrgAccess } from "@/lib/server/auth/authorize";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { changeOf, runWrite } from "@/lib/server/kernel/run-write";
import { loadMapIn } from "@/lib/server/kernel/load-map";
import { mapSnapshots } from "@/lib/server/kernel/map-snapshot";
import { mapWriter } from "@/lib/server/kernel/map-write";
import { readRules } from "@/lib/server/kernel/read-rules";
import { lockOrganization, replaceMap } from "@/lib/server/kernel/replace-map";
import { isUniqueViolation } from "@/lib/server/kernel/prisma-errors";
import { draftEvent } from "@/lib/server/events/draft-events";
import { recordEvents } from "@/lib/server/events/record-events";
import { removeJob } from "@/lib/server/jobs/job-queue";
import { validateMapDocument } from "@/lib/validation/map";
import { missingApprovalsIn, REVIEW_SELECT, reviewView } from "./approvals";
import { shownRef } from "@/lib/validation/map-fields";

export const DRAFT_SELECT = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  createdByName: true,
  publishedAt: true,
  scheduledAt: true,
  scheduledBy: true,
  scheduleRefusal: true,
  plan: true,
  workspaceId: true,
  workspace: { select: { slug: true } },
  ...REVIEW_SELECT,
} as const;

type TDraftRow = Prisma.DraftGetPayload<{ select: typeof DRAFT_SELECT }>;

/** The queue's name for a draft's scheduled publish: one job per draft, which a new schedule replaces. */
export function scheduleJobKey(draftId: string): string {
  return `draft.publish:${draftId}`;
}

function scheduleView(row: TDraftRow): TDraftSchedule | null {
  if (!row.scheduledAt) return null;
  return {
    at: row.scheduledAt.toISOString(),
    by: (row.scheduledBy as TScheduler | null)?.name ?? "",
    refusal: (row.scheduleRefusal as TDraftSchedule["refusal"]) ?? null,
  };
}

export function draftView(row: TDraftRow): TDraftView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    slug: row.workspace.slug,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    schedule: scheduleView(row),
    review: reviewView(row),
    plan: (row.plan as TDraftPlan | null) ?? null,
  };
}

// Copying or publishing a 1,000-team map takes seconds on a busy server.
const COPY_TIMEOUT_MS = 120_000;

/** The live organisation behind `orgSlug`, which must not itself be a draft. */
export async function liveAccess(
  actor: TActor | null,
  orgSlug: string,
  permission: "read" | "edit_map",
): Promise<TOrgAccess> {
  const access = await authorize({ actor, orgSlug, permission });
  if (access.draft) {
    throw new AppError(
      "invalid_input",
      `Drafts belong to the live organisation; use /orgs/${access.draft.live.slug}/drafts.`,
    );
  }
  return access;
}

function foundDraft<T>(draft: T | null, draftId: string): T {
  if (!draft) throw new AppError("not_found", `There is no draft "${shownRef(draftId)}" in this organisation.`);
  return draft;
}

export async function findDraft(organizationId: string, draftId: string): Promise<TDraftRow> {
  return foundDraft(
    await db.draft.findFirst({ where: { id: draftId, organizationId }, select: DRAFT_SELECT }),
    draftId,
  );
}

/** A draft with the map it was made from (about 5 MB of JSON at 1,000 teams): only publish and a draft's copy need it. */
async function findDraftWithBase(organizationId: string, draftId: string): Promise<TDraftRow & { base: unknown }> {
  const draft = await db.draft.findFirst({
    where: { id: draftId, organizationId },
    select: { ...DRAFT_SELECT, base: true },
  });
  return foundDraft(draft, draftId);
}

export async function listDrafts({ actor, orgSlug }: { actor: TActor | null; orgSlug: string }) {
  const { organization } = await liveAccess(actor, orgSlug, "read");
  const rows = await db.draft.findMany({
    where: { organizationId: organization.id },
    select: DRAFT_SELECT,
    orderBy: { createdAt: "desc" },
  });
  return { drafts: rows.map(draftView) };
}

/** A draft named in a request: the caller, the live organisation's slug, and the draft's id. */
export type TDraftRef = { actor: TActor | null; orgSlug: string; draftId: string };

export async function getDraft({ actor, orgSlug, draftId }: TDraftRef) {
  const { organization } = await liveAccess(actor, orgSlug, "read");
  return { draft: draftView(await findDraft(organization.id, draftId)) };
}

/**
 * A new draft: a full copy of the live map (or, with `from`, of another draft, planning against the same live map),
 * in a workspace of its own. PostgreSQL copies the rows (remit_copy_map, prisma/migrations/*_draft_copy) without a
 * journal entry per row: the draft's journal begins at its creation, and before it the draft reads as it was made.
 */
export async function createDraft({
  actor,
  orgSlug,
  name,
  description,
  from,
  plan,
}: {
  actor: TActor | null;
  orgSlug: string;
  name: string;
  description?: string | null;
  from?: string;
  /** What the suggested plan that makes this draft said (suggestPlan). */
  plan?: TDraftPlan;
}): Promise<{ draft: TDraftView }> {
  const { organization, actor: author } = await liveAccess(actor, orgSlug, "edit_map");
  const source = from ? await findDraftWithBase(organization.id, from) : null;
  const sourceId = source?.workspaceId ?? organization.id;
  for (let attempt = 1; ; attempt++) {
    const slug = `${organization.slug}--draft-${randomBytes(4).toString("hex")}`;
    try {
      const row = await runWrite(
        { actor: author, action: "draft.create" },
        async (tx) => {
          const workspace = await tx.organization.create({
            data: { slug, name, draftOfId: organization.id },
            select: { id: true },
          });
          // One snapshot (repeatable read) for the base and the copy: a team made meanwhile is in both or neither.
          const base = source?.base ?? mapToDocument(await loadMapIn(tx, sourceId), await readRules(tx, sourceId));
          await tx.$executeRaw`SELECT remit_copy_map(${sourceId}, ${workspace.id})`;
          return tx.draft.create({
            data: {
              organizationId: organization.id,
              workspaceId: workspace.id,
              name,
              description: description ?? null,
              base: base as Prisma.InputJsonValue,
              ...(plan ? { plan: plan as Prisma.InputJsonValue } : {}),
              createdById: author.kind === "user" ? author.userId : null,
              createdByName: journalActor(author).name,
            },
            select: DRAFT_SELECT,
          });
        },
        (created) => changeOf(created.workspaceId, author, "map")(null),
        { timeout: COPY_TIMEOUT_MS, isolationLevel: "RepeatableRead" },
      );
      return { draft: draftView(row) };
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

export async function updateDraft({
  actor,
  orgSlug,
  draftId,
  name,
  description,
}: TDraftRef & {
  name?: string;
  description?: string | null;
}): Promise<{ draft: TDraftView }> {
  const { organization } = await liveAccess(actor, orgSlug, "edit_map");
  const draft = await findDraft(organization.id, draftId);
  const row = await db.$transaction(async (tx) => {
    if (name !== undefined) await tx.organization.update({ where: { id: draft.workspaceId }, data: { name } });
    return tx.draft.update({
      where: { id: draft.id },
      data: { ...(name === undefined ? {} : { name }), ...(description === undefined ? {} : { description }) },
      select: DRAFT_SELECT,
    });
  });
  return { draft: draftView(row) };
}

/** Discards a draft: its workspace, map and journal go with it. Live is untouched. */
export async function discardDraft({ actor, orgSlug, draftId }: TDraftRef): Promise<{ deleted: { id: string } }> {
  const { organization } = await liveAccess(actor, orgSlug, "edit_map");
  const draft = await findDraft(organization.id, draftId);
  // Another discard may have won the race since the draft was read.
  const { count } = await db.organization.deleteMany({ where: { id: draft.workspaceId } });
  if (count === 0) throw new AppError("not_found", `The draft "${shownRef(draftId)}" has been discarded already.`);
  return { deleted: { id: draft.id } };
}

/** The draft's workspace slug, for the map routes that work on a draft as on live. */
export async function draftSlug({ actor, orgSlug, draftId }: TDraftRef) {
  const { organization } = await liveAccess(actor, orgSlug, "read");
  return (await findDraft(organization.id, draftId)).workspace.slug;
}

/** What the draft changes compared with live (or another draft), and what that does to flags and health. */
export async function compareDraft({
  actor,
  orgSlug,
  draftId,
  withRef,
}: TDraftRef & {
  withRef: string;
}): Promise<TDraftComparison> {
  const { organization } = await liveAccess(actor, orgSlug, "read");
  const draft = await findDraft(organization.id, draftId);
  const other = withRef === "live" ? null : await findDraft(organization.id, withRef);
  const [before, after] = await Promise.all([
    mapSnapshots.read(other?.workspaceId ?? organization.id),
    mapSnapshots.read(draft.workspaceId),
  ]);
  return {
    with: other
      ? { kind: "draft", id: other.id, name: other.name }
      : { kind: "live", id: organization.id, name: organization.name },
    // Each judged by its own rules: a draft may change them.
    ...compareMaps(before.map, after.map, { before: before.rules, after: after.rules }),
  };
}

export const PUBLISHED_ALREADY = "This draft has been published already.";

/** The start of the refusal of a publish or schedule before the draft has its approvals: "… needs 2 approvals, has 1." */
export const NOT_APPROVED = "Not approved yet: the draft";

/**
 * Locks a draft of the live organisation `organizationId` until the transaction ends, and checks that it is still
 * there and not published (another publish or a discard may have won the race since it was read). Answers its
 * schedule. The live organisation's row comes first (shared), then the draft's workspace and row, the order a publish
 * takes them in: whatever the caller records next for live (a History note, an event: their foreign keys want the
 * live row) would otherwise deadlock with a publish that holds the live row and waits for the draft.
 */
export async function lockDraft(
  tx: Prisma.TransactionClient,
  organizationId: string,
  draft: { id: string; workspaceId: string },
): Promise<{ scheduledAt: Date | null }> {
  await lockOrganization(tx, organizationId, "share");
  await tx.$queryRaw`SELECT id FROM organization WHERE id = ${draft.workspaceId} FOR UPDATE`;
  const [row] = await tx.$queryRaw<{ published_at: Date | null; scheduled_at: Date | null }[]>`
    SELECT published_at, scheduled_at FROM draft WHERE id = ${draft.id} FOR UPDATE`;
  if (!row) throw new AppError("not_found", "This draft was discarded meanwhile; live is unchanged.");
  if (row.published_at) throw new AppError("conflict", PUBLISHED_ALREADY);
  return { scheduledAt: row.scheduled_at };
}

export type TPublishResult =
  { ok: true; draft: TDraftView; groupId: string | null } | { ok: false; message: string; conflicts: TMergeConflict[] };

class PublishRefused extends Error {
  constructor(
    message: string,
    readonly conflicts: TMergeConflict[],
  ) {
    super(message);
  }
}

/** The scheduled publish that a job runs: the moment it was scheduled for, which must still be the draft's. */
export class ScheduleChanged extends Error {}

/**
 * Publishes a draft to live in one transaction, recorded as one journal action (undoable as one): what the draft
 * changed since it was made is applied; what live changed meanwhile stays, unless both changed the same thing,
 * which is refused with each conflict (live value, draft value) until `choices` settles every one. The draft is
 * then kept read-only.
 */
export async function publishDraft({
  actor,
  orgSlug,
  draftId,
  choices = {},
}: TDraftRef & {
  choices?: Record<string, TMergeChoice>;
}): Promise<TPublishResult> {
  const access = await liveAccess(actor, orgSlug, "edit_map");
  return publishAs(access, draftId, { choices });
}

/**
 * The publish of a draft of `access`'s organisation, by hand (`choices`, and a schedule is dropped) or as scheduled
 * for `scheduledFor` (refused with ScheduleChanged when the draft's schedule is no longer that moment).
 */
export async function publishAs(
  access: TOrgAccess,
  draftId: string,
  how: { choices: Record<string, TMergeChoice> } | { scheduledFor: Date },
): Promise<TPublishResult> {
  const { organization } = access;
  const draft = await findDraftWithBase(organization.id, draftId);
  if (draft.publishedAt) throw new AppError("conflict", PUBLISHED_ALREADY);
  const base = validateMapDocument(draft.base);
  if (!base.ok) throw new Error(`The base map of draft ${draft.id} is not a valid map document.`);
  const isScheduled = "scheduledFor" in how;
  try {
    const result = await mapWriter(access).write(
      {
        action: isScheduled ? "draft.publish-scheduled" : "draft.publish",
        entity: "map",
        lock: "update",
        transaction: { timeout: COPY_TIMEOUT_MS },
      },
      async ({ tx, groupId }) => {
        const current = await loadMapIn(tx, organization.id);
        // Inside the map's lock, so that of two publishes of one draft the second sees the first's; the draft's
        // workspace next, so that a discard meanwhile waits for the publish or is seen to have won.
        const { scheduledAt } = await lockDraft(tx, organization.id, draft);
        if (isScheduled && scheduledAt?.getTime() !== how.scheduledFor.getTime()) throw new ScheduleChanged();
        // Under the draft's lock: an edit that withdrew an approval meanwhile has committed, or waits for this.
        const missing = await missingApprovalsIn(tx, draft.id);
        if (missing) throw new PublishRefused(`${NOT_APPROVED} ${missing}.`, []);
        const [live, planned] = [
          mapToDocument(current, await readRules(tx, organization.id)),
          mapToDocument(await loadMapIn(tx, draft.workspaceId), await readRules(tx, draft.workspaceId)),
        ];
        const choices = isScheduled ? {} : how.choices;
        const { document, conflicts } = mergeMapDocuments({
          base: withEveryRule(base.document),
          live,
          draft: planned,
          choices,
        });
        if (conflicts.length > 0) {
          throw new PublishRefused(
            `Live changed ${conflicts.length === 1 ? "one thing" : `${conflicts.length} things`} that the draft changed too; choose which to keep for each.`,
            conflicts,
          );
        }
        const checked = validateMapDocument(document);
        if (!checked.ok) {
          const problems = checked.errors.map((error) => `${error.path}: ${error.message}`).slice(0, 5);
          throw new PublishRefused(`The merged map would not hold together: ${problems.join("; ")}.`, []);
        }
        await replaceMap(tx, { organizationId: organization.id, document: checked.document, current });
        // A publish that changed nothing has no journal group.
        const [changed] = await tx.$queryRaw<{ id: bigint }[]>`
          SELECT id FROM journal_entry WHERE organization_id = ${organization.id} AND group_id = ${groupId} LIMIT 1`;
        // Published by hand, a scheduled publish is dropped; published as scheduled, the schedule stays to say so.
        if (!isScheduled && scheduledAt) await removeJob(tx, scheduleJobKey(draft.id));
        const published = await tx.draft.update({
          where: { id: draft.id },
          data: {
            publishedAt: new Date(),
            publishedGroup: changed ? groupId : null,
            scheduleRefusal: Prisma.DbNull,
            ...(isScheduled ? {} : { scheduledAt: null, scheduledBy: Prisma.DbNull }),
          },
          select: DRAFT_SELECT,
        });
        const by = journalActor(access.actor);
        await recordEvents(tx, organization.id, [
          draftEvent("draft.published", {
            organization,
            draft: { id: draft.id, name: published.name },
            actor: by,
            sentence: isScheduled
              ? `Draft “${published.name}” was published as scheduled by ${by.name}.`
              : `${by.name} published draft “${published.name}”.`,
          }),
        ]);
        return { draft: draftView(published), groupId: changed ? groupId : null };
      },
    );
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof PublishRefused) return { ok: false, message: error.message, conflicts: error.conflicts };
    throw error;
  }
}
