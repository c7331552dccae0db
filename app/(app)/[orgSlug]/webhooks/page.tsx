import type { Metadata } from "next";
import { ActionButton } from "@/components/ui/action-button";
import { DateTime } from "@/components/ui/date-time";
import { TableFrame } from "@/components/ui/table-frame";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { currentActor, requireOrgAccess } from "@/lib/auth";
import { can } from "@/lib/domain/roles";
import { listDeliveries } from "@/lib/server/webhooks/list-deliveries";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";

export const metadata: Metadata = { title: "Webhooks" };

/** How many deliveries each endpoint's log shows here (the API gives 100). */
const SHOWN_DELIVERIES = 10;

const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting",
  retrying: "Retrying",
  succeeded: "Delivered",
  failed: "Failed",
};

export default async function WebhooksPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgAccess(orgSlug);
  if (!can(role, "manage_webhooks")) {
    return (
      <p role="alert" className="text-slate-600 dark:text-slate-400">
        Only Owners of {organization.name} can see and manage webhooks.
      </p>
    );
  }
  const actor = await currentActor();
  const webhooks = await listWebhooks({ actor, orgSlug });
  const logs = await Promise.all(webhooks.map((webhook) => listDeliveries({ actor, orgSlug, webhookId: webhook.id })));
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold tracking-tight">Webhooks</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Remit sends each event you choose to your endpoint, signed as{" "}
          <a className="text-indigo-600 underline dark:text-indigo-400" href="https://www.standardwebhooks.com/">
            Standard Webhooks
          </a>{" "}
          has it (or as a Slack message), and tries again for more than a day if it does not answer.
        </p>
        <CreateWebhookForm orgSlug={orgSlug} />
      </section>
      <section className="space-y-4">
        <h2 className="text-lg font-semibold">Endpoints</h2>
        {webhooks.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">There are no webhooks yet.</p>
        )}
        {webhooks.map((webhook, index) => {
          const deliveries = (logs[index] ?? []).slice(0, SHOWN_DELIVERIES);
          return (
            <article
              key={webhook.id}
              aria-label={webhook.url}
              className="space-y-3 rounded-lg p-4 ring-1 ring-slate-200 dark:ring-slate-800"
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 space-y-1">
                  <h3 className="break-all font-mono text-sm font-semibold">{webhook.url}</h3>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {webhook.format === "slack" ? "Slack text" : "Standard Webhooks JSON"} · {webhook.events.join(", ")}{" "}
                    · added <DateTime value={new Date(webhook.createdAt)} /> by {webhook.createdBy}
                  </p>
                  {webhook.disabledAt && (
                    <p role="status" className="text-sm font-medium text-red-700 dark:text-red-300">
                      Disabled <DateTime value={new Date(webhook.disabledAt)} />: {webhook.disabledReason} Send a test
                      event to enable it again.
                    </p>
                  )}
                </div>
                <div className="flex items-center gap-4">
                  <ActionButton
                    call="sendTestWebhook"
                    orgSlug={orgSlug}
                    id={webhook.id}
                    label="Send test event"
                    pendingLabel="Sending…"
                    tone="neutral"
                  />
                  <ActionButton
                    call="deleteWebhook"
                    orgSlug={orgSlug}
                    id={webhook.id}
                    label="Delete"
                    pendingLabel="Deleting…"
                    confirmation={`Delete the webhook to ${webhook.url}? Nothing more is sent to it.`}
                  />
                </div>
              </div>
              {deliveries.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">Nothing sent yet.</p>
              ) : (
                <TableFrame>
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">Recent deliveries to {webhook.url}</caption>
                    <thead className="text-slate-600 dark:text-slate-400">
                      <tr>
                        <th className="py-2 font-medium">Event</th>
                        <th className="py-2 font-medium">Status</th>
                        <th className="py-2 font-medium">Attempts</th>
                        <th className="py-2 font-medium">Answer</th>
                        <th className="py-2 font-medium">Time</th>
                        <th className="py-2 font-medium">Sent</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                      {deliveries.map((delivery) => (
                        <tr key={delivery.id}>
                          <td className="py-2 font-mono text-xs">{delivery.kind}</td>
                          <td className="py-2">{STATUS_LABELS[delivery.status] ?? delivery.status}</td>
                          <td className="py-2">{delivery.attempts}</td>
                          <td className="max-w-xs truncate py-2" title={delivery.responseExcerpt ?? undefined}>
                            {delivery.responseStatus ?? "—"} {delivery.responseExcerpt}
                          </td>
                          <td className="py-2">{delivery.durationMs === null ? "—" : `${delivery.durationMs} ms`}</td>
                          <td className="py-2">
                            <DateTime value={new Date(delivery.lastAttemptAt ?? delivery.createdAt)} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableFrame>
              )}
            </article>
          );
        })}
      </section>
    </div>
  );
}
