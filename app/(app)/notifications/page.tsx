import type { Metadata } from "next";
import { AppHeader } from "@/components/app-header";
import { Inbox } from "@/components/notifications/inbox";
import { currentActor, requireUser } from "@/lib/auth";
import { listOrganizations } from "@/lib/server/organizations/list-organizations";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const organizations = await listOrganizations({ actor: await currentActor() });
  return (
    <>
      <AppHeader userName={user.name} organizations={organizations} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:px-6 sm:py-8">
        <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
          What happened in your organisations that concerns you, newest first.
        </p>
        <Inbox />
      </main>
    </>
  );
}
