import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { refusedSentence, SCHEDULED_PUBLISH_REFUSED, type TDraftView, type TScheduler } from "@/lib/domain/drafts";
import type { TMergeConflict } from "@/lib/domain/map-merge";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/server/auth/authorize";
import { recallActor } from "@/lib/server/auth/recall-actor";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { draftEvent } from "@/lib/server/events/draft-events";
import { recordEvents } from "@/lib/server/events/record-events";
import { addJournalNote } from "@/lib/server/kernel/journal-note";
import { lockOrganization } from "@/lib/server/kernel/replace-map";
import { addJob, defineTask, removeJob } from "@/lib/server/jobs/job-queue";
import {
  DRAFT_SELECT,
  draftView,
  findDraft,
  liveAccess,
  lockDraft,
  NOT_APPROVED,
  PUBLISHED_ALREADY,
  publishAs,
  ScheduleChanged,
  scheduleJobKey,
  type TDraftRef,
} from "./drafts";
import { missingApprovalsIn } from "./approvals";

/**
 * The job a schedule adds: at its moment, publish the draft as its scheduler, exactly as Publish does. Nothing
 * happens when the draft was published, discarded or scheduled for another moment since (checked under the draft's
 * lock, in the publish's transaction). Conflicts with live refuse it: the draft records them.
 */
export const publishScheduledDraft = defineTask({
  name: "draft.publish-scheduled",
  payload: z.object({ draftId: z.string(), at: z.iso.datetime({ offset: true }) }),
  run: async ({ draftId, at }) => {
    const scheduledFor = new Date(at);
    const draft = await db.draft.findUnique({
      where: { id: draftId },
      select: {
        scheduledAt: true,
        scheduledBy: true,
        publishedAt: true,
        organizationId: true,
        organization: { select: { slug: true } },
      },
    });
    if (!draft || draft.publishedAt || draft.scheduledAt?.getTime() !== scheduledFor.getTime()) return;
    const scheduler = draft.scheduledBy as TScheduler;
    const actor = await recallActor(scheduler);
    let access;
    try {
      access = await authorize({ actor, orgSlug: draft.organization.slug, permission: "edit_map" });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = `${scheduler.name} can no longer publish drafts here, so it was not published.`;
      await recordRefusal(draft.organizationId, draftId, scheduledFor, message, []);
      return;
    }
    try {
      const result = await publishAs(access, draftId, { scheduledFor });
      if (!result.ok) {
        await recordRefusal(draft.organizationId, draftId, scheduledFor, result.message, result.conflicts);
      }
    } catch (error) {
      // Published by hand, discarded or rescheduled while this job waited for the draft's lock: nothing to do.
      if (error instanceof ScheduleChanged || error instanceof AppError) return;
      throw error;
    }
  },
});

/**
 * Keeps a refused scheduled publish on the draft, while it is still that schedule and unpublished, and records it in
 * live's History (a journal note: it changed no row of the map), under the scheduler's name.
 */
async function recordRefusal(
  organizationId: string,
  draftId: string,
  scheduledFor: Date,
  message: string,
  conflicts: readonly TMergeConflict[],
): Promise<void> {
  const why = conflicts.length > 0 ? SCHEDULED_PUBLISH_REFUSED : "scheduled publish refused";
  const refusal = { at: new Date().toISOString(), message: `${why}. ${message}`, conflicts };
  await db.$transaction(async (tx) => {
    // Live's row before the draft's, as a publish takes them (see lockDraft): the event and the note below want it.
    await lockOrganization(tx, organizationId, "share");
    const { count } = await tx.draft.updateMany({
      where: { id: draftId, scheduledAt: scheduledFor, publishedAt: null },
      data: { scheduleRefusal: refusal as Prisma.InputJsonValue },
    });
    if (count === 0) return;
    const draft = await tx.draft.findUniqueOrThrow({
      where: { id: draftId },
      select: {
        name: true,
        organizationId: true,
        scheduledBy: true,
        organization: { select: { slug: true, name: true } },
      },
    });
    const scheduler = draft.scheduledBy as TScheduler;
    await recordEvents(tx, draft.organizationId, [
      draftEvent("draft.schedule_refused", {
        organization: { id: draft.organizationId, ...draft.organization },
        draft: { id: draftId, name: draft.name },
        actor: { kind: scheduler.kind, id: scheduler.id, name: scheduler.name },
        sentence: `The scheduled publish of draft “${draft.name}” was refused: ${message}`,
        details: { at: scheduledFor.toISOString(), conflicts: conflicts.length },
      }),
    ]);
    await addJournalNote(tx, {
      organizationId: draft.organizationId,
      actor: { kind: scheduler.kind, id: scheduler.id, name: scheduler.name },
      action: "draft.publish-refused",
      sentence: refusedSentence(draft.name, scheduler.name, conflicts.length),
    });
  });
}

/**
 * Schedules the draft's publish for `at` (in the future), replacing any schedule it had: the draft and its job
 * change in one transaction. A Manager's, as Publish is.
 */
export async function scheduleDraft({ actor, orgSlug, draftId, at }: TDraftRef & { at: Date }) {
  const { organization, actor: author } = await liveAccess(actor, orgSlug, "edit_map");
  if (at.getTime() <= Date.now()) {
    throw new AppError("invalid_input", `"at" must be in the future; it is ${at.toISOString()}.`);
  }
  const draft = await findDraft(organization.id, draftId);
  if (draft.publishedAt) throw new AppError("conflict", PUBLISHED_ALREADY);
  const named = journalActor(author);
  const scheduler: TScheduler = { kind: author.kind, id: named.id ?? "", name: named.name };
  const row = await db.$transaction(async (tx) => {
    await lockDraft(tx, organization.id, draft);
    const missing = await missingApprovalsIn(tx, draft.id);
    if (missing) throw new AppError("conflict", `${NOT_APPROVED} ${missing}. It was not scheduled.`);
    await addJob(
      tx,
      publishScheduledDraft,
      { draftId: draft.id, at: at.toISOString() },
      { key: scheduleJobKey(draft.id), runAt: at },
    );
    const scheduled = await tx.draft.update({
      where: { id: draft.id },
      data: { scheduledAt: at, scheduledBy: scheduler, scheduleRefusal: Prisma.DbNull },
      select: DRAFT_SELECT,
    });
    await recordEvents(tx, organization.id, [
      draftEvent("draft.scheduled", {
        organization,
        draft: { id: draft.id, name: scheduled.name },
        actor: named,
        sentence: `${named.name} scheduled draft “${scheduled.name}” to publish at ${at.toISOString()}.`,
        details: { at: at.toISOString() },
      }),
    ]);
    return scheduled;
  });
  return { draft: draftView(row) };
}

/** Cancels the draft's scheduled publish (and forgets a refused one); nothing is published. */
export async function cancelDraftSchedule({ actor, orgSlug, draftId }: TDraftRef): Promise<{ draft: TDraftView }> {
  const { organization } = await liveAccess(actor, orgSlug, "edit_map");
  const draft = await findDraft(organization.id, draftId);
  if (draft.publishedAt) throw new AppError("conflict", PUBLISHED_ALREADY);
  const row = await db.$transaction(async (tx) => {
    await lockDraft(tx, organization.id, draft);
    await removeJob(tx, scheduleJobKey(draft.id));
    return tx.draft.update({
      where: { id: draft.id },
      data: { scheduledAt: null, scheduledBy: Prisma.DbNull, scheduleRefusal: Prisma.DbNull },
      select: DRAFT_SELECT,
    });
  });
  return { draft: draftView(row) };
}
