import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TAnyEventKind, TEventData } from "@/lib/domain/events";
import {
  digestMail,
  emailModes,
  instantMail,
  NOTIFICATION_KINDS,
  type TEmailMode,
  type TMailItem,
  type TNotificationKind,
} from "@/lib/domain/notifications";
import { defineTask } from "@/lib/server/jobs/job-queue";
import { screenUrl } from "./event-rows";
import { isEmailAvailable, sendMail } from "./send-mail";

/** The screens emails link to besides the notification's own. */
export const INBOX_PATH = "/notifications";
export const SETTINGS_PATH = "/notifications/settings";

/** A user's email mode for every kind of notification. */
export async function userEmailModes(userId: string): Promise<Record<TNotificationKind, TEmailMode>> {
  return emailModes(await db.notificationSetting.findMany({ where: { userId }, select: { kind: true, email: true } }));
}

const MAIL_SELECT = {
  id: true,
  kind: true,
  createdAt: true,
  organization: { select: { name: true } },
  event: { select: { kind: true, payload: true } },
} as const;

function mailItem(row: {
  createdAt: Date;
  organization: { name: string };
  event: { kind: string; payload: unknown };
}): TMailItem {
  const data = row.event.payload as TEventData;
  return {
    kind: row.event.kind as TAnyEventKind,
    sentence: data.sentence,
    organizationName: row.organization.name,
    draftName: data.draft?.name ?? null,
    url: data.url,
    at: row.createdAt,
  };
}

/**
 * Emails one notification at once, when its recipient wants this kind so (checked now: they may have changed their
 * mind since it was queued). A send that fails throws, and the queue tries again (5 attempts over about 2 minutes);
 * one sent is marked, so that a second run sends nothing.
 */
export const emailNotification = defineTask({
  name: "notifications.email",
  payload: z.object({ notificationId: z.string() }),
  run: async ({ notificationId }) => {
    if (!isEmailAvailable()) return;
    const row = await db.notification.findUnique({
      where: { id: notificationId },
      select: { ...MAIL_SELECT, userId: true, emailedAt: true, user: { select: { email: true } } },
    });
    if (!row || row.emailedAt) return;
    const modes = await userEmailModes(row.userId);
    if (modes[row.kind as TNotificationKind] !== "instant") return;
    await sendMail(row.user.email, instantMail(mailItem(row), screenUrl(SETTINGS_PATH)));
    await db.notification.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
  },
});

/** The most notifications one digest lists; the rest wait for the next. */
const DIGEST_LIMIT = 200;

/**
 * Gathers a user's notifications not yet emailed whose kind they want in the daily digest into one mail (queued for
 * the next DIGEST_HOUR_UTC by the fan-out, one job per user however many arrive before it), and marks them emailed.
 */
export const emailDigest = defineTask({
  name: "notifications.digest",
  payload: z.object({ userId: z.string() }),
  run: async ({ userId }) => {
    if (!isEmailAvailable()) return;
    const modes = await userEmailModes(userId);
    const daily = NOTIFICATION_KINDS.filter((kind) => modes[kind] === "daily");
    if (daily.length === 0) return;
    const rows = await db.notification.findMany({
      where: { userId, emailedAt: null, kind: { in: daily } },
      select: { ...MAIL_SELECT, user: { select: { email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: DIGEST_LIMIT,
    });
    const first = rows[0];
    if (!first) return;
    await sendMail(first.user.email, digestMail(rows.map(mailItem), screenUrl(SETTINGS_PATH), screenUrl(INBOX_PATH)));
    await db.notification.updateMany({
      where: { id: { in: rows.map((row) => row.id) } },
      data: { emailedAt: new Date() },
    });
  },
});
