import { draftEvent } from "@/lib/server/events/draft-events";
import { recordEvents } from "@/lib/server/events/record-events";
import "server-only";
import { db } from "@/lib/db";
import type { TDraftView } from "@/lib/domain/drafts";
import type { TJournalActor } from "@/lib/domain/journal";
import { mayReview, REVIEW_SENTENCES, type TReviewDecision } from "@/lib/domain/review";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireUserActor } from "@/lib/server/auth/authorize";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { addJournalNote } from "@/lib/server/kernel/journal-note";
import { shownRef } from "@/lib/validation/map-fields";
import { DRAFT_SELECT, draftView, findDraft, liveAccess, lockDraft, PUBLISHED_ALREADY, type TDraftRef } from "./drafts";

/** A step of a draft's review, named as the events of issue 23 name it. */
type TReviewStep =
  | { kind: "draft.submitted"; reviewers: readonly string[] }
  | { kind: "draft.approved" | "draft.changes_requested"; comment: string | null };

const STEP_ACTIONS = {
  "draft.submitted": "draft.submit",
  "draft.approved": "draft.approve",
  "draft.changes_requested": "draft.request-changes",
} as const;

/**
 * Records one step of a draft's review in the live organisation's History (a journal note), in the step's
 * transaction. The one place each step passes through: where its event (draft.submitted, draft.approved,
 * draft.changes_requested) is to be emitted, once events exist.
 */
async function recordReviewStep(
  tx: Prisma.TransactionClient,
  {
    organization,
    draft,
    actor,
  }: {
    organization: { id: string; slug: string; name: string };
    draft: { id: string; name: string };
    actor: TJournalActor;
  },
  step: TReviewStep,
): Promise<void> {
  const sentence =
    step.kind === "draft.submitted"
      ? REVIEW_SENTENCES.submitted(actor.name, draft.name, step.reviewers)
      : step.kind === "draft.approved"
        ? REVIEW_SENTENCES.approved(actor.name, draft.name, step.comment)
        : REVIEW_SENTENCES.changesRequested(actor.name, draft.name, step.comment);
  await addJournalNote(tx, { organizationId: organization.id, actor, action: STEP_ACTIONS[step.kind], sentence });
  // The same step for webhooks (and, later, the inbox and email): in this transaction, so only if it commits.
  await recordEvents(tx, organization.id, [
    draftEvent(step.kind, {
      organization,
      draft: { id: draft.id, name: draft.name },
      actor,
      sentence,
      ...(step.kind === "draft.submitted" ? { details: { reviewers: step.reviewers.join(", ") } } : {}),
    }),
  ]);
}

/** The draft as it is now, after a step of its review committed. */
async function draftNow(organizationId: string, draftId: string): Promise<{ draft: TDraftView }> {
  const row = await db.draft.findFirstOrThrow({ where: { id: draftId, organizationId }, select: DRAFT_SELECT });
  return { draft: draftView(row) };
}

/**
 * Submits a draft for review by `reviewers` (Managers and Owners of the organisation, not the submitter), replacing
 * any reviewers it had: their reviews stay, and count again if they are chosen again. Managers and Owners submit, as
 * they publish. Every problem with the reviewers is answered at once (400).
 */
export async function submitDraft({
  actor,
  orgSlug,
  draftId,
  reviewers,
}: TDraftRef & { reviewers: readonly string[] }): Promise<{ draft: TDraftView }> {
  const { organization, actor: author } = await liveAccess(actor, orgSlug, "edit_map");
  const draft = await findDraft(organization.id, draftId);
  if (draft.publishedAt) throw new AppError("conflict", PUBLISHED_ALREADY);
  const chosen = [...new Set(reviewers)];
  const members = await db.membership.findMany({
    where: { organizationId: organization.id, userId: { in: chosen } },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const byId = new Map(members.map((member) => [member.userId, member]));
  const problems: string[] = [];
  for (const id of chosen) {
    const member = byId.get(id);
    if (!member) problems.push(`"${shownRef(id)}" is not a member of ${organization.name}.`);
    else if (!mayReview(member.role)) {
      problems.push(`${member.user.name} is a ${ROLE_LABELS[member.role]}: only Managers and Owners review drafts.`);
    } else if (author.kind === "user" && id === author.userId) {
      problems.push("You submit the draft, so you cannot review it: choose someone else.");
    }
  }
  const required = (
    await db.organization.findUniqueOrThrow({ where: { id: organization.id }, select: { approvalsRequired: true } })
  ).approvalsRequired;
  if (problems.length === 0 && chosen.length < required) {
    problems.push(`Publishing needs ${required} approvals here: choose at least ${required} reviewers.`);
  }
  if (problems.length > 0) {
    throw new AppError("invalid_input", problems.join(" "), { reviewers: problems });
  }
  const named = journalActor(author);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, organization.id, draft);
    await tx.draftReviewer.deleteMany({ where: { draftId: draft.id } });
    await tx.draftReviewer.createMany({
      data: chosen.map((userId) => ({ draftId: draft.id, userId, organizationId: organization.id })),
    });
    await tx.draft.update({
      where: { id: draft.id },
      data: { submittedAt: new Date(), submittedByName: named.name },
    });
    const names = chosen.map((id) => byId.get(id)!.user.name);
    await recordReviewStep(tx, { organization, draft, actor: named }, { kind: "draft.submitted", reviewers: names });
  });
  return draftNow(organization.id, draft.id);
}

/**
 * The caller's review of a draft they were chosen to review: approve, or request changes, with a comment. Under the
 * draft's lock, so that an edit of the draft running meanwhile withdraws an approval given before it, never one
 * given after.
 */
export async function reviewDraft({
  actor,
  orgSlug,
  draftId,
  decision,
  comment,
}: TDraftRef & { decision: TReviewDecision; comment: string | null }): Promise<{ draft: TDraftView }> {
  const reviewer = requireUserActor(actor);
  const { organization } = await liveAccess(reviewer, orgSlug, "edit_map");
  const draft = await findDraft(organization.id, draftId);
  if (draft.publishedAt) throw new AppError("conflict", PUBLISHED_ALREADY);
  const named = journalActor(reviewer);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, organization.id, draft);
    const isChosen = await tx.draftReviewer.findUnique({
      where: { draftId_userId: { draftId: draft.id, userId: reviewer.userId } },
      select: { userId: true },
    });
    if (!isChosen) {
      throw new AppError(
        "forbidden",
        "You are not a reviewer of this draft: only the members it was submitted to review it.",
      );
    }
    await tx.draftReview.create({
      data: {
        draftId: draft.id,
        organizationId: organization.id,
        reviewerId: reviewer.userId,
        reviewerName: named.name,
        decision,
        comment,
      },
    });
    await recordReviewStep(
      tx,
      { organization, draft, actor: named },
      { kind: decision === "approve" ? "draft.approved" : "draft.changes_requested", comment },
    );
  });
  return draftNow(organization.id, draft.id);
}
