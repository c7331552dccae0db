import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TEventData } from "@/lib/domain/events";
import { emailModes, isNotificationKind, nextDigestAt, type TNotificationKind } from "@/lib/domain/notifications";
import type { TRole } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addJob, defineTask } from "@/lib/server/jobs/job-queue";
import { announceNow } from "@/lib/server/kernel/run-write";
import { emailDigest, emailNotification } from "./email-notifications";
import { prefixedId } from "./event-rows";
import { isEmailAvailable } from "./send-mail";

type TStoredEvent = { id: string; organizationId: string; kind: TNotificationKind; payload: TEventData; at: Date };

/** How many user ids one live announcement carries (PostgreSQL's NOTIFY takes at most 8000 bytes). */
const ANNOUNCE_CHUNK = 100;
/** Events a fan-out reads and notifies in one transaction (a change can raise thousands: an import's flags). */
const FAN_OUT_CHUNK = 500;

/** The user who did it, when a user did. */
function actorId(data: TEventData): string | null {
  return data.actor?.kind === "user" ? data.actor.id : null;
}

/** The draft's author and its reviewers (those chosen now). */
async function draftPeople(tx: Prisma.TransactionClient, organizationId: string, draftId: string) {
  const draft = await tx.draft.findFirst({
    where: { id: draftId, organizationId },
    select: { createdById: true, reviewers: { select: { userId: true } } },
  });
  return {
    author: draft?.createdById ? [draft.createdById] : [],
    reviewers: draft?.reviewers.map((reviewer) => reviewer.userId) ?? [],
  };
}

/**
 * Who the event is for, before leaving out its actor and non-members (see docs/notifications.md):
 * - `mention`: the member mentioned;
 * - `comment.created`: the thread's participants then (who started it, wrote in it or was mentioned in it), and for a
 *   thread on a draft or inside one the draft's author and reviewers; not those this comment mentions (they get the
 *   `mention`);
 * - `draft.submitted`: the reviewers chosen; `draft.approved` and `draft.changes_requested`: who submitted it (the
 *   actor of the draft's latest submission before), else its author;
 * - `draft.published`, `draft.scheduled`, `draft.schedule_refused`: the draft's author and reviewers;
 * - `flag.introduced`, `flag.resolved`, `flag.summary`: Managers and Owners, or for flags in a draft its author alone;
 * - `term.ending`: Managers and Owners, and the holder when a member has their email;
 * - `webhook.disabled`: Owners.
 */
async function intendedFor(
  tx: Prisma.TransactionClient,
  event: TStoredEvent,
  roles: ReadonlyMap<string, TRole>,
): Promise<string[]> {
  const { organizationId, payload: data } = event;
  const withRole = (...wanted: TRole[]) => [...roles].filter(([, role]) => wanted.includes(role)).map(([id]) => id);
  const details = data.details ?? {};
  switch (event.kind) {
    case "mention": {
      const mentioned = details.mentioned as { id?: unknown } | undefined;
      return typeof mentioned?.id === "string" ? [mentioned.id] : [];
    }
    case "comment.created": {
      const thread = await tx.commentThread.findFirst({
        where: { id: String(details.threadId ?? ""), organizationId },
        select: {
          authorId: true,
          draftId: true,
          // As the thread was when the comment was written: a run of this job later sends the same.
          comments: {
            where: { createdAt: { lte: event.at } },
            select: { id: true, authorId: true, mentionedIds: true },
          },
        },
      });
      if (!thread) return [];
      const thisComment = thread.comments.find((comment) => comment.id === details.commentId);
      const mentionedNow = new Set(thisComment?.mentionedIds ?? []);
      const draft = thread.draftId ? await draftPeople(tx, organizationId, thread.draftId) : null;
      const participants = [
        thread.authorId,
        ...thread.comments.flatMap((comment) => [
          comment.authorId,
          ...(comment.id === thisComment?.id ? [] : comment.mentionedIds),
        ]),
        ...(draft ? [...draft.author, ...draft.reviewers] : []),
      ];
      return participants.filter((id): id is string => id !== null && !mentionedNow.has(id));
    }
    case "draft.submitted":
      return data.draft ? (await draftPeople(tx, organizationId, data.draft.id)).reviewers : [];
    case "draft.approved":
    case "draft.changes_requested": {
      if (!data.draft) return [];
      const submission = await tx.event.findFirst({
        where: {
          organizationId,
          kind: "draft.submitted",
          at: { lte: event.at },
          payload: { path: ["draft", "id"], equals: data.draft.id },
        },
        orderBy: { at: "desc" },
        select: { payload: true },
      });
      const submitter = submission ? actorId(submission.payload as TEventData) : null;
      return submitter ? [submitter] : (await draftPeople(tx, organizationId, data.draft.id)).author;
    }
    case "draft.published":
    case "draft.scheduled":
    case "draft.schedule_refused": {
      if (!data.draft) return [];
      const people = await draftPeople(tx, organizationId, data.draft.id);
      return [...people.author, ...people.reviewers];
    }
    case "flag.introduced":
    case "flag.resolved":
    case "flag.summary":
      return data.draft ? (await draftPeople(tx, organizationId, data.draft.id)).author : withRole("OWNER", "MANAGER");
    case "term.ending": {
      const holder = data.person
        ? await tx.person.findFirst({ where: { id: data.person.id, organizationId }, select: { email: true } })
        : null;
      const user = holder?.email
        ? await tx.user.findUnique({ where: { email: holder.email.toLowerCase() }, select: { id: true } })
        : null;
      return [...withRole("OWNER", "MANAGER"), ...(user ? [user.id] : [])];
    }
    case "webhook.disabled":
      return withRole("OWNER");
  }
}

type TMembers = { userId: string; role: string }[];

function membersOf(tx: Prisma.TransactionClient, organizationId: string): Promise<TMembers> {
  return tx.membership.findMany({ where: { organizationId }, select: { userId: true, role: true } });
}

/** The members of the live organisation the event is for, each once, never its actor. */
export async function recipientsOf(
  tx: Prisma.TransactionClient,
  event: TStoredEvent,
  members?: TMembers,
): Promise<string[]> {
  members ??= await membersOf(tx, event.organizationId);
  const roles = new Map(members.map((member) => [member.userId, member.role as TRole]));
  const actor = actorId(event.payload);
  const intended = await intendedFor(tx, event, roles);
  return [...new Set(intended)].filter((userId) => userId !== actor && roles.has(userId));
}

/**
 * Puts events in their recipients' inboxes, once each (unique per event and user, so a second run adds nothing), and
 * queues the emails they want: each at once, or the user's daily digest. Then tells their open pages.
 */
export const notifyRecipients = defineTask({
  name: "notifications.fan-out",
  // `eventId`: one event, as jobs were queued before they carried every event of a change (`eventIds`).
  payload: z.object({ eventId: z.string().optional(), eventIds: z.array(z.string()).optional() }),
  run: async ({ eventId, eventIds = [] }) => {
    const ids = eventId === undefined ? eventIds : [eventId, ...eventIds];
    for (let start = 0; start < ids.length; start += FAN_OUT_CHUNK) {
      await fanOut(ids.slice(start, start + FAN_OUT_CHUNK));
    }
  },
});

/**
 * The notifications of `eventIds`, in one transaction: each event's recipients (the organisation's members read
 * once), their inbox rows in one insert, the emails they want; then their open pages are told, once each.
 */
async function fanOut(eventIds: readonly string[]): Promise<void> {
  const notified = await db.$transaction(async (tx) => {
    const rows = await tx.event.findMany({
      where: { id: { in: [...eventIds] } },
      select: { id: true, organizationId: true, kind: true, payload: true, at: true },
      orderBy: { at: "asc" },
    });
    const members = new Map<string, Promise<TMembers>>();
    const wanted: { event: TStoredEvent; userIds: string[] }[] = [];
    for (const row of rows) {
      if (!isNotificationKind(row.kind)) continue;
      const event: TStoredEvent = { ...row, kind: row.kind, payload: row.payload as unknown as TEventData };
      if (!members.has(event.organizationId)) members.set(event.organizationId, membersOf(tx, event.organizationId));
      const userIds = await recipientsOf(tx, event, await members.get(event.organizationId)!);
      if (userIds.length > 0) wanted.push({ event, userIds });
    }
    if (wanted.length === 0) return [];
    const inserted = await tx.notification.createManyAndReturn({
      data: wanted.flatMap(({ event, userIds }) =>
        userIds.map((userId) => ({
          id: prefixedId("ntf_"),
          userId,
          organizationId: event.organizationId,
          eventId: event.id,
          kind: event.kind,
          createdAt: event.at,
        })),
      ),
      skipDuplicates: true,
      select: { id: true, userId: true, organizationId: true, kind: true },
    });
    if (isEmailAvailable()) {
      for (const kind of new Set(inserted.map((notification) => notification.kind))) {
        await queueEmails(
          tx,
          kind as TNotificationKind,
          inserted.filter((notification) => notification.kind === kind),
        );
      }
    }
    return inserted;
  });
  const usersByOrg = new Map<string, Set<string>>();
  for (const { organizationId, userId } of notified) {
    const users = usersByOrg.get(organizationId) ?? new Set<string>();
    users.add(userId);
    usersByOrg.set(organizationId, users);
  }
  for (const [organizationId, users] of usersByOrg) {
    const userIds = [...users];
    for (let start = 0; start < userIds.length; start += ANNOUNCE_CHUNK) {
      await announceNow({
        type: "notification",
        organizationId,
        userIds: userIds.slice(start, start + ANNOUNCE_CHUNK),
        at: Date.now(),
      });
    }
  }
}

/** Queues, in `tx`, each new notification's email as its recipient wants this kind: at once, or in their digest. */
async function queueEmails(
  tx: Prisma.TransactionClient,
  kind: TNotificationKind,
  notifications: readonly { id: string; userId: string }[],
): Promise<void> {
  const chosen = await tx.notificationSetting.findMany({
    where: { userId: { in: notifications.map((notification) => notification.userId) }, kind },
    select: { userId: true, kind: true, email: true },
  });
  const now = new Date();
  for (const notification of notifications) {
    const mode = emailModes(chosen.filter((setting) => setting.userId === notification.userId))[kind];
    if (mode === "instant") {
      await addJob(
        tx,
        emailNotification,
        { notificationId: notification.id },
        {
          key: `email:${notification.id}`,
          runAt: now,
        },
      );
    } else if (mode === "daily") {
      // One digest per user: a later notification names the same moment, so the job stays one.
      await addJob(
        tx,
        emailDigest,
        { userId: notification.userId },
        {
          key: `digest:${notification.userId}`,
          runAt: nextDigestAt(now),
        },
      );
    }
  }
}

/** Queues, in the transaction that records them, the fan-out of the events to their recipients' inboxes. */
export async function queueNotifications(tx: Prisma.TransactionClient, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  // One job for every event of a change: an import's thousands of flags are one fan-out, not thousands of jobs.
  await addJob(tx, notifyRecipients, { eventIds: [...eventIds] }, { key: `notify:${eventIds[0]}`, runAt: new Date() });
}
