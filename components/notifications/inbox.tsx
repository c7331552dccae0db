"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/api-error";
import { type TInboxItem, useInbox, useMarkRead } from "@/lib/client/notifications";

function when(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/**
 * The inbox: the person's notifications of every organisation, newest first. Following one marks it read; "Mark all
 * read" marks every one.
 */
export function Inbox() {
  const router = useRouter();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const open = async (item: TInboxItem) => {
    // Marked before leaving, so that the inbox says so on the way back; a failure still opens the screen.
    if (item.readAt === null) await markRead.mutateAsync({ ids: [item.id] }).catch(() => undefined);
    router.push(item.path);
  };

  if (inbox.isPending) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading notifications…</p>;
  if (inbox.isError) {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
        {errorMessage(inbox.error, "The notifications could not be loaded.")}
      </p>
    );
  }
  const { notifications, unread } = inbox.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {unread === 0 ? "Nothing unread." : unread === 1 ? "1 unread." : `${unread} unread.`}
        </p>
        <Button
          type="button"
          variant="secondary"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all read
        </Button>
      </div>
      {notifications.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No notifications yet. Mentions, reviews, gaps and overlaps, and terms ending arrive here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {notifications.map((item) => {
            const isUnread = item.readAt === null;
            return (
              <li key={item.id} className={isUnread ? "bg-indigo-50/60 dark:bg-indigo-950/30" : undefined}>
                <a
                  href={item.path}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    void open(item);
                  }}
                  className="flex gap-3 p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-900"
                >
                  <span
                    aria-hidden
                    className={`mt-1.5 size-2 shrink-0 rounded-full ${isUnread ? "bg-indigo-600" : "bg-transparent"}`}
                  />
                  <span className="min-w-0 flex-1">
                    <span className={`block break-words text-sm ${isUnread ? "font-semibold" : ""}`}>
                      {item.sentence}
                    </span>
                    <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
                      {item.organization.name}
                      {item.draft ? ` · in draft “${item.draft.name}”` : ""} · {when(item.createdAt)}
                      {isUnread ? <span className="sr-only"> · unread</span> : null}
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-sm">
        <Link
          href="/notifications/settings"
          className="font-medium text-indigo-700 hover:text-indigo-600 dark:text-indigo-400"
        >
          Notification settings
        </Link>
      </p>
    </div>
  );
}
