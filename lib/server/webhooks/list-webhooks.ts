import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { WEBHOOK_SELECT, webhookView, type TWebhookView } from "./webhook-view";

/** The organisation's webhook endpoints, newest first, disabled ones included (never their secrets). */
export async function listWebhooks({
  actor,
  orgSlug,
}: {
  actor: TActor | null;
  orgSlug: string;
}): Promise<TWebhookView[]> {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_webhooks" });
  const rows = await db.webhookEndpoint.findMany({
    where: { organizationId: organization.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: WEBHOOK_SELECT,
  });
  return rows.map(webhookView);
}
