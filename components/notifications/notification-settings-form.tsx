"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api-error";
import {
  type TNotificationSettings,
  useNotificationSettings,
  useSaveNotificationSettings,
} from "@/lib/client/notifications";
import { EMAIL_MODE_LABELS, EMAIL_MODES, type TEmailMode } from "@/lib/domain/notifications";

/**
 * How each kind of notification is emailed: at once, in the daily digest, or not at all. Each change is saved as it
 * is made. The inbox always receives every kind.
 */
export function NotificationSettingsForm({ initial }: { initial: TNotificationSettings }) {
  const { data: settings } = useNotificationSettings(initial);
  const save = useSaveNotificationSettings();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  return (
    <div className="space-y-5">
      {settings.emailAvailable ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Emails go to <span className="font-medium text-slate-900 dark:text-slate-100">{settings.address}</span>. The
          daily digest is sent at 07:00 UTC. Your inbox always receives every kind.
        </p>
      ) : (
        <p
          role="note"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          Email is off: this server has no SMTP_URL. Notifications arrive in your inbox only; the choices below apply
          once an administrator sets it.
        </p>
      )}
      <fieldset>
        <legend className="text-lg font-semibold">Email me</legend>
        <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          {settings.kinds.map(({ kind, label, email }) => {
            const id = `email-${kind.replace(/\W/g, "-")}`;
            return (
              <li key={kind} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
                <label htmlFor={id} className="min-w-0 flex-1 text-sm">
                  {label}
                </label>
                <select
                  id={id}
                  value={email}
                  disabled={save.isPending}
                  onChange={(event) => {
                    const mode = event.target.value as TEmailMode;
                    setOutcome(null);
                    save.mutate(
                      { email: { [kind]: mode } },
                      {
                        onSuccess: () =>
                          setOutcome({ ok: true, message: `Saved: ${label}, ${EMAIL_MODE_LABELS[mode]}.` }),
                        onError: (error) =>
                          setOutcome({ ok: false, message: errorMessage(error, "The setting was not saved.") }),
                      },
                    );
                  }}
                  className="w-40 rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
                >
                  {EMAIL_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {EMAIL_MODE_LABELS[mode]}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p
        role={outcome && !outcome.ok ? "alert" : "status"}
        className={
          outcome
            ? `rounded-md p-3 text-sm ${
                outcome.ok
                  ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
                  : "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
              }`
            : "sr-only"
        }
      >
        {outcome?.message ?? ""}
      </p>
    </div>
  );
}
