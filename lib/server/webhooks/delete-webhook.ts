import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";

export const NO_WEBHOOK = "There is no webhook with this id in this organisation.";

/**
 * Deletes a webhook endpoint and its delivery log. Deliveries still waiting find nothing to send and end.
 */
export async function deleteWebhook({
  actor,
  orgSlug,
  webhookId,
}: {
  actor: TActor | null;
  orgSlug: string;
  webhookId: string;
}): Promise<void> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_webhooks" });
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id: webhookId, organizationId: organization.id } });
  if (count === 0) throw new AppError("not_found", NO_WEBHOOK);
}
