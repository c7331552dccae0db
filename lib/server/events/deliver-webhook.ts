import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { slackText, standardBody, type TEventData } from "@/lib/domain/events";
import { addJob, defineTask } from "@/lib/server/jobs/job-queue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertEvents, screenUrl } from "./event-rows";
import { queueNotifications } from "./notify-recipients";
import { sendWebhook } from "./send-webhook";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { addJournalNote } from "@/lib/server/kernel/journal-note";

/**
 * Attempts per delivery. The queue waits e^n seconds after the n-th failure (at most e^10, about 6 h): the first
 * retry comes about 3 s after the first failure, and the 14th and last attempt about 28 h after the first, so that
 * a receiver that is down for a day still gets everything.
 */
export const WEBHOOK_ATTEMPTS = 14;

/**
 * Sends one delivery (one event to one endpoint), signed; its id is the `webhook-id` of every attempt. An answer
 * other than 2xx, a timeout or a refused address throws, so that the queue tries again later; the delivery row keeps
 * the latest attempt. After the last attempt fails, the delivery is failed, and the endpoint is disabled when nothing
 * reached it since that delivery was made (it has been failing for more than a day): see disableEndpoint.
 */
export const deliverWebhook = defineTask({
  name: "webhook.deliver",
  payload: z.object({ deliveryId: z.string() }),
  maxAttempts: WEBHOOK_ATTEMPTS,
  failsByDesign: true,
  run: async ({ deliveryId }) => {
    const delivery = await db.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: {
        id: true,
        status: true,
        attempts: true,
        createdAt: true,
        endpoint: { select: { id: true, url: true, format: true, secret: true, disabledAt: true } },
        event: { select: { id: true, kind: true, payload: true, at: true } },
      },
    });
    if (!delivery || delivery.status === "succeeded" || delivery.status === "failed") return;
    const { endpoint, event } = delivery;
    if (endpoint.disabledAt) {
      await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "failed" } });
      return;
    }
    const data = event.payload as unknown as TEventData;
    const body =
      endpoint.format === "slack"
        ? { text: slackText(data) }
        : standardBody({ id: event.id, kind: event.kind as never, at: event.at, data });
    const attempt = delivery.attempts + 1;
    const sent = await sendWebhook({ url: endpoint.url, secret: endpoint.secret, messageId: delivery.id, body });
    const isLast = attempt >= WEBHOOK_ATTEMPTS;
    await db.$transaction(async (tx) => {
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: {
          attempts: attempt,
          status: sent.ok ? "succeeded" : isLast ? "failed" : "retrying",
          responseStatus: sent.status,
          responseExcerpt: sent.excerpt,
          durationMs: sent.durationMs,
          lastAttemptAt: new Date(),
        },
      });
      if (sent.ok) await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { lastSuccessAt: new Date() } });
      else if (isLast) await disableEndpoint(tx, endpoint.id, delivery.createdAt);
    });
    if (!sent.ok && !isLast) throw new Error(`delivery ${deliveryId} to ${endpoint.url} failed: ${sent.excerpt}`);
  },
});

/**
 * The rule for an endpoint that keeps failing: when a delivery has failed every attempt (about 28 h of them) and no
 * delivery reached the endpoint since that one was made, it is disabled, and its Owners are told: an event
 * `webhook.disabled` (for the inbox) and a line in History.
 */
async function disableEndpoint(tx: Prisma.TransactionClient, endpointId: string, since: Date): Promise<void> {
  const reason = "Every delivery failed for more than 24 hours.";
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, disabledAt: null, OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: since } }] },
    data: { disabledAt: new Date(), disabledReason: reason },
  });
  if (count === 0) return;
  const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({
    where: { id: endpointId },
    select: { url: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  const { organization } = endpoint;
  const sentence = `The webhook to ${endpoint.url} was disabled: ${reason.toLowerCase()}`;
  const [eventId] = await insertEvents(tx, organization.id, [
    {
      kind: "webhook.disabled",
      data: {
        organization: { id: organization.id, key: organization.slug, name: organization.name },
        draft: null,
        sentence,
        url: screenUrl(`/${organization.slug}/webhooks`),
        details: { webhookId: endpointId },
      },
    },
  ]);
  // Not a webhook of its own (the endpoint is what failed): the Owners' inboxes, and email.
  await queueNotifications(tx, [eventId!]);
  // In History too: a note, as it changed no row of the map.
  await addJournalNote(tx, {
    organizationId: organization.id,
    actor: journalActor("system"),
    action: "webhook.disable",
    sentence,
  });
}

/** Queues one delivery of the event `eventId` to each endpoint, in `tx`: sent if and only if `tx` commits. */
export async function queueDeliveries(
  tx: Prisma.TransactionClient,
  deliveries: readonly { id: string; organizationId: string; endpointId: string; eventId: string; kind: string }[],
): Promise<void> {
  for (const delivery of deliveries) {
    await tx.webhookDelivery.create({ data: delivery });
    await addJob(tx, deliverWebhook, { deliveryId: delivery.id }, { key: `webhook:${delivery.id}`, runAt: new Date() });
  }
}
