import "server-only";
import type { TEvent } from "@/lib/domain/events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueDeliveries } from "./deliver-webhook";
import { insertEvents, prefixedId } from "./event-rows";
import { queueNotifications } from "./notify-recipients";

/**
 * Records `events` of the live organisation `organizationId` in `tx`, the transaction of the change that caused
 * them, and queues their deliveries: one per enabled endpoint subscribed to the kind (with `onlyEndpoint`: to that
 * endpoint alone, whatever it subscribes to, for "send a test event"), and their fan-out to the recipients' inboxes
 * (and email; not for a test event, nor for the events in `summarised`: those another of `events` sums up in the inbox).
 * Nothing is recorded or sent unless `tx` commits. The one way in for every kind: webhooks, the inbox and email read
 * the same rows.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  organizationId: string,
  events: readonly TEvent[],
  { onlyEndpoint, summarised }: { onlyEndpoint?: string; summarised?: ReadonlySet<TEvent> } = {},
): Promise<string[]> {
  if (events.length === 0) return [];
  const endpoints = await tx.webhookEndpoint.findMany({
    where: onlyEndpoint
      ? { id: onlyEndpoint, organizationId }
      : { organizationId, disabledAt: null, events: { hasSome: [...new Set(events.map((event) => event.kind))] } },
    select: { id: true, events: true },
  });
  const ids = await insertEvents(tx, organizationId, events);
  for (const [index, event] of events.entries()) {
    const listening = endpoints.filter((endpoint) => onlyEndpoint || endpoint.events.includes(event.kind));
    await queueDeliveries(
      tx,
      listening.map((endpoint) => ({
        id: prefixedId("msg_"),
        organizationId,
        endpointId: endpoint.id,
        eventId: ids[index]!,
        kind: event.kind,
      })),
    );
  }
  if (!onlyEndpoint)
    await queueNotifications(tx, summarised ? ids.filter((_, index) => !summarised.has(events[index]!)) : ids);
  return ids;
}
