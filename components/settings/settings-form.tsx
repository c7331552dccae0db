"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, errorMessage } from "@/lib/client/api-error";
import { useSaveSettings } from "@/lib/client/settings";
import { APPROVALS_MAX, type TOrganizationSettings } from "@/lib/domain/review";

/**
 * The organisation's settings: how many approvals publishing a draft needs, and whether Viewers may comment. Owners
 * change them; everyone else reads them.
 */
export function SettingsForm({
  orgSlug,
  settings,
  canEdit,
}: {
  orgSlug: string;
  settings: TOrganizationSettings;
  canEdit: boolean;
}) {
  const save = useSaveSettings({ orgSlug });
  const [approvals, setApprovals] = useState(String(settings.approvalsRequired));
  const [viewersMayComment, setViewersMayComment] = useState(settings.viewersMayComment);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; fields?: Record<string, string[]> } | null>(
    null,
  );
  const approvalsId = useId();
  const approvalsHelpId = useId();
  const approvalsErrorId = useId();
  const approvalsErrors = outcome?.fields?.approvalsRequired;

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const count = Number(approvals);
        if (!/^\d+$/.test(approvals.trim()) || count > APPROVALS_MAX) {
          setOutcome({
            ok: false,
            message: "Check the number of approvals.",
            fields: { approvalsRequired: [`A whole number from 0 to ${APPROVALS_MAX}.`] },
          });
          return;
        }
        save.mutate(
          { approvalsRequired: count, viewersMayComment },
          {
            onSuccess: () => setOutcome({ ok: true, message: "Settings saved." }),
            onError: (error) =>
              setOutcome({
                ok: false,
                message: errorMessage(error, "The settings were not saved."),
                fields: error instanceof ApiError ? error.fields : undefined,
              }),
          },
        );
      }}
    >
      <fieldset className="space-y-2" disabled={!canEdit}>
        <legend className="text-lg font-semibold">Review of drafts</legend>
        <label htmlFor={approvalsId} className="block text-sm font-medium">
          Approvals needed to publish a draft
        </label>
        <input
          id={approvalsId}
          type="number"
          min={0}
          max={APPROVALS_MAX}
          step={1}
          inputMode="numeric"
          value={approvals}
          onChange={(event) => setApprovals(event.target.value)}
          aria-describedby={`${approvalsHelpId}${approvalsErrors ? ` ${approvalsErrorId}` : ""}`}
          aria-invalid={approvalsErrors ? true : undefined}
          className="block w-24 rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 aria-invalid:ring-red-500 disabled:bg-slate-100 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700 dark:disabled:bg-slate-800"
        />
        <p id={approvalsHelpId} className="text-sm text-slate-600 dark:text-slate-400">
          0 turns review off: any Manager may publish a draft. With 1 or more, a draft is submitted to chosen Managers
          or Owners, and can be published or scheduled only once that many of them approve it. An edit to the draft
          withdraws the approvals it had.
        </p>
        {approvalsErrors && (
          <p id={approvalsErrorId} className="text-sm font-medium text-red-700 dark:text-red-400">
            {approvalsErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-2" disabled={!canEdit}>
        <legend className="text-lg font-semibold">Comments</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={viewersMayComment}
            onChange={(event) => setViewersMayComment(event.target.checked)}
            className="accent-indigo-600"
          />
          Viewers may comment
        </label>
      </fieldset>
      {canEdit && (
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
      )}
      {outcome && (
        <p
          role={outcome.ok ? "status" : "alert"}
          className={`rounded-md p-3 text-sm ${
            outcome.ok
              ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
              : "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
          }`}
        >
          {outcome.message}
        </p>
      )}
    </form>
  );
}
