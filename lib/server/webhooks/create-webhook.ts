import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/authorize";
import { prefixedId } from "@/lib/server/events/event-rows";
import { checkWebhookTarget } from "@/lib/server/events/send-webhook";
import { journalActor } from "@/lib/server/kernel/journal-context";
import { ensureJobQueue } from "@/lib/server/jobs/job-queue";
import type { TCreateWebhook } from "@/lib/validation/webhooks";
import { WEBHOOK_SELECT, webhookView, type TWebhookView } from "./webhook-view";

/**
 * Registers a webhook endpoint (Owners only). Its address must resolve to public addresses only (unless
 * WEBHOOK_ALLOW_PRIVATE=1), else 400. The secret (`whsec_` and 24 random bytes in base64, as Standard Webhooks has
 * it) is answered now and never again.
 */
export async function createWebhook({
  actor,
  orgSlug,
  url,
  events,
  format,
}: { actor: TActor | null; orgSlug: string } & TCreateWebhook): Promise<TWebhookView & { secret: string }> {
  const { organization, actor: author } = await authorize({ actor, orgSlug, permission: "manage_webhooks" });
  const target = await checkWebhookTarget(new URL(url));
  if (!target.ok) throw new AppError("invalid_input", target.reason, { url: [target.reason] });
  // The journal's trigger queues flag events in the queue's tables: they must exist before anyone listens.
  await ensureJobQueue();
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const creator = journalActor(author);
  const row = await db.webhookEndpoint.create({
    data: {
      id: prefixedId("wh_"),
      organizationId: organization.id,
      url,
      events,
      format,
      secret,
      createdById: creator.id,
      createdByName: creator.name,
    },
    select: WEBHOOK_SELECT,
  });
  return { ...webhookView(row), secret };
}
