import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { currentActor, requireUser } from "@/lib/auth";
import { getNotificationSettings } from "@/lib/server/notifications/get-notification-settings";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser("/notifications/settings");
  const settings = await getNotificationSettings({ actor: await currentActor() });
  return (
    <>
      <AppHeader userName={user.name} />
      <main className="mx-auto max-w-2xl px-4 py-6 sm:px-6 sm:py-8">
        <p className="text-sm">
          <Link
            href="/notifications"
            className="font-medium text-indigo-700 hover:text-indigo-600 dark:text-indigo-400"
          >
            ← Notifications
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">Notification settings</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
          For each kind of notification: an email at once, one daily digest, or none.
        </p>
        <NotificationSettingsForm initial={settings} />
      </main>
    </>
  );
}
