import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TOrgCall } from "@/lib/server/kernel/map-write";
import { authorize } from "@/lib/server/auth/authorize";

export const NO_WEBHOOK = "There is no webhook with this id in this organisation.";

/** Who calls a use case of one webhook endpoint, in which organisation. */
export type TWebhookCall = TOrgCall & { webhookId: string };

/**
 * Deletes a webhook endpoint and its delivery log. Deliveries still waiting find nothing to send and end.
 */
export async function deleteWebhook({ actor, orgSlug, webhookId }: TWebhookCall): Promise<void> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_webhooks" });
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: webhookId, organizationId: organization.id } });
  if (count === 0) throw new AppError("not_found", NO_WEBHOOK);
}
