import "server-only";
import { db } from "@/lib/db";
import type { TEventData } from "@/lib/domain/events";
import type { TNotificationKind } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor } from "@/lib/server/auth/authorize";
import type { TNotificationsQuery } from "@/lib/validation/notifications";

export type TNotificationView = {
  id: string;
  kind: TNotificationKind;
  sentence: string;
  organization: { id: string; slug: string; name: string };
  draft: { id: string; name: string } | null;
  url: string;
  path: string;
  createdAt: Date;
  readAt: Date | null;
};

/** The caller's notifications: of the organisations they are still a member of (the inbox forgets one they left). */
export function inboxOf(userId: string): Prisma.NotificationWhereInput {
  return { userId, organization: { members: { some: { userId } } } };
}

/** The path of an absolute link, so that the screen opens on whatever address this server is reached at. */
function pathOf(url: string): string {
  if (!URL.canParse(url)) return "/";
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** How many of the caller's notifications are unread. */
export async function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { ...inboxOf(userId), readAt: null } });
}

/** The caller's inbox across their organisations, newest first, a page at a time, with the unread count. */
export async function listNotifications({
  actor,
  cursor,
  limit,
}: { actor: TActor | null } & TNotificationsQuery): Promise<{
  notifications: TNotificationView[];
  unread: number;
  nextCursor: string | null;
}> {
  const { userId } = requireUserActor(actor);
  let after: Prisma.NotificationWhereInput = {};
  if (cursor) {
    const from = await db.notification.findFirst({
      where: { id: cursor, userId },
      select: { id: true, createdAt: true },
    });
    if (!from) {
      const message = `"cursor" must be the nextCursor of an earlier page.`;
      throw new AppError("invalid_input", message, { cursor: [message] });
    }
    after = {
      OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }],
    };
  }
  const rows = await db.notification.findMany({
    where: { ...inboxOf(userId), ...after },
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      organization: { select: { id: true, slug: true, name: true } },
      event: { select: { payload: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const notifications = page.map((row) => {
    const data = row.event.payload as unknown as TEventData;
    return {
      id: row.id,
      kind: row.kind as TNotificationKind,
      sentence: data.sentence,
      organization: row.organization,
      draft: data.draft,
      url: data.url,
      path: pathOf(data.url),
      createdAt: row.createdAt,
      readAt: row.readAt,
    };
  });
  return {
    notifications,
    unread: await countUnread(userId),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
