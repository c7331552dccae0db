import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/server/auth/authorize";
import { NO_WEBHOOK, type TWebhookCall } from "./delete-webhook";

/** How many deliveries the log shows: the most recent. */
export const DELIVERY_LOG_LENGTH = 100;

type TDeliveryRow = {
  id: string;
  eventId: string;
  kind: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  durationMs: number | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
};

const STATUSES = ["pending", "retrying", "succeeded", "failed"] as const;

export function deliveryView(row: TDeliveryRow) {
  return {
    ...row,
    status: STATUSES.find((status) => status === row.status) ?? "pending",
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  };
}

export const DELIVERY_SELECT = {
  id: true,
  eventId: true,
  kind: true,
  status: true,
  attempts: true,
  responseStatus: true,
  responseExcerpt: true,
  durationMs: true,
  createdAt: true,
  lastAttemptAt: true,
} as const;

/** The endpoint's delivery log: its most recent deliveries, newest first, each with its latest attempt. */
export async function listDeliveries({ actor, orgSlug, webhookId }: TWebhookCall) {
  const { organization } = await authorize({ actor, orgSlug, permission: "manage_webhooks" });
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: webhookId, organizationId: organization.id },
    select: { id: true },
  });
  if (!endpoint) throw new AppError("not_found", NO_WEBHOOK);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, organizationId: organization.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_LENGTH,
    select: DELIVERY_SELECT,
  });
  return rows.map(deliveryView);
}
