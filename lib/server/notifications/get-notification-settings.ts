import "server-only";
import { db } from "@/lib/db";
import { NOTIFICATION_KIND_LABELS, type TEmailMode, type TNotificationKind } from "@/lib/domain/notifications";
import type { TActor } from "@/lib/server/auth/actor";
import { requireUserActor } from "@/lib/server/auth/authorize";
import { userEmailModes } from "@/lib/server/events/email-notifications";
import { isEmailAvailable } from "@/lib/server/events/send-mail";

export type TNotificationSettingsView = {
  emailAvailable: boolean;
  address: string;
  kinds: { kind: TNotificationKind; label: string; email: TEmailMode }[];
};

/** The user's email mode for each kind (their choices over the defaults), and whether this server emails at all. */
export async function settingsOf(userId: string): Promise<TNotificationSettingsView> {
  const [user, modes] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
    userEmailModes(userId),
  ]);
  return {
    emailAvailable: isEmailAvailable(),
    address: user.email,
    // In the labels' order: what is addressed to the person first.
    kinds: (Object.keys(NOTIFICATION_KIND_LABELS) as TNotificationKind[]).map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_LABELS[kind],
      email: modes[kind],
    })),
  };
}

/** The caller's notification settings. */
export async function getNotificationSettings({ actor }: { actor: TActor | null }): Promise<TNotificationSettingsView> {
  return settingsOf(requireUserActor(actor).userId);
}
