import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/auth/authorize";
import { screenUrl } from "@/lib/server/events/event-rows";
import { recordEvents } from "@/lib/server/events/record-events";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { NO_WEBHOOK, type TWebhookCall } from "./delete-webhook";
import { DELIVERY_SELECT, deliveryView } from "./list-deliveries";

/**
 * Sends a `webhook.test` event to one endpoint, through the queue as every delivery goes (signed, retried, logged),
 * even to an endpoint that was disabled: sending one enables it again, once its receiver is mended.
 */
export async function sendTestEvent({ actor, orgSlug, webhookId }: TWebhookCall) {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "manage_webhooks" });
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: webhookId, organizationId: organization.id },
      data: { disabledAt: null, disabledReason: null },
    });
    if (count === 0) throw new AppError("not_found", NO_WEBHOOK);
    const who = journalActor(author);
    const [eventId] = await recordEvents(
      tx,
      organization.id,
      [
        {
          kind: "webhook.test",
          data: {
            organization: { id: organization.id, key: organization.slug, name: organization.name },
            draft: null,
            actor: who,
            sentence: `A test event from Remit, sent by ${who.name}.`,
            url: screenUrl(`/${organization.slug}/webhooks`),
          },
        },
      ],
      { onlyEndpoint: webhookId },
    );
    const delivery = await tx.webhookDelivery.findFirstOrThrow({
      where: { eventId, endpointId: webhookId },
      select: DELIVERY_SELECT,
    });
    return deliveryView(delivery);
  });
}
