import "server-only";
import { db } from "@/lib/db";
import { isNotificationKind } from "@/lib/domain/notifications";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor } from "@/lib/server/auth/authorize";
import type { TUpdateNotificationSettings } from "@/lib/validation/notifications";
import { settingsOf, type TNotificationSettingsView } from "./get-notification-settings";

/**
 * Sets the caller's email mode for the kinds named (the others keep theirs). A mode applies to notifications still to
 * be emailed: one queued at once is not sent once its kind is "off", and the digest gathers the kinds "daily" then.
 */
export async function updateNotificationSettings({
  actor,
  email,
}: { actor: TActor | null } & TUpdateNotificationSettings): Promise<TNotificationSettingsView> {
  const { userId } = requireUserActor(actor);
  const changes = Object.entries(email).filter(
    (entry): entry is [string, "instant" | "daily" | "off"] => isNotificationKind(entry[0]) && entry[1] !== undefined,
  );
  await db.$transaction(
    changes.map(([kind, mode]) =>
      db.notificationSetting.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, email: mode },
        update: { email: mode },
      }),
    ),
  );
  return settingsOf(userId);
}
