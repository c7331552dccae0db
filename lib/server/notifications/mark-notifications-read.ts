import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor } from "@/lib/server/auth/authorize";
import type { TMarkNotificationsRead } from "@/lib/validation/notifications";
import { countUnread, inboxOf } from "./list-notifications";

/**
 * Marks the caller's notifications `ids` read (ids of none of theirs change nothing), or with `all` every one; answers
 * how many are still unread. Marking one already read keeps when it was first read.
 */
export async function markNotificationsRead({
  actor,
  ids,
  all,
}: { actor: TActor | null } & TMarkNotificationsRead): Promise<{ unread: number }> {
  const { userId } = requireUserActor(actor);
  await db.notification.updateMany({
    where: { ...inboxOf(userId), readAt: null, ...(all ? {} : { id: { in: ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { unread: await countUnread(userId) };
}
