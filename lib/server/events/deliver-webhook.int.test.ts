// The delivery job and the rule for an endpoint that keeps failing, by calling the task's `run` as the queue would.
// The endpoint's address is private, so every attempt fails here without a packet sent (WEBHOOK_ALLOW_PRIVATE unset).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrganization } from "@/prisma/factories";
import { deliverWebhook, WEBHOOK_ATTEMPTS } from "./deliver-webhook";
import { prefixedId } from "./event-rows";

async function failingDelivery({ attempts, lastSuccessAt }: { attempts: number; lastSuccessAt?: Date }) {
  const org = await createOrganization(db, { name: "Failing hooks" });
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id: prefixedId("wh_"),
      organizationId: org.id,
      url: "http://127.0.0.1:9/hook",
      events: ["draft.published"],
      format: "standard",
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      createdByName: "Test",
      lastSuccessAt,
    },
  });
  const event = await db.event.create({
    data: { id: prefixedId("evt_"), organizationId: org.id, kind: "draft.published", payload: { sentence: "x" } },
  });
  const delivery = await db.webhookDelivery.create({
    data: {
      id: prefixedId("msg_"),
      organizationId: org.id,
      endpointId: endpoint.id,
      eventId: event.id,
      kind: event.kind,
      attempts,
      createdAt: new Date(Date.now() - 28 * 3_600_000),
    },
  });
  return { org, endpoint, delivery };
}

describe("webhook deliveries", () => {
  it("a failed attempt that is not the last is logged and thrown, so that the queue tries again", async () => {
    const { endpoint, delivery } = await failingDelivery({ attempts: 0 });
    await expect(deliverWebhook.run({ deliveryId: delivery.id })).rejects.toThrow(/failed/);
    expect(await db.webhookDelivery.findUnique({ where: { id: delivery.id } })).toMatchObject({
      status: "retrying",
      attempts: 1,
      responseStatus: null,
      responseExcerpt: expect.stringMatching(/private, loopback or link-local/),
    });
    expect((await db.webhookEndpoint.findUnique({ where: { id: endpoint.id } }))?.disabledAt).toBeNull();
  });

  it("after the last attempt fails, with nothing delivered since, the endpoint is disabled and its Owners told", async () => {
    const { org, endpoint, delivery } = await failingDelivery({ attempts: WEBHOOK_ATTEMPTS - 1 });
    await deliverWebhook.run({ deliveryId: delivery.id });
    expect(await db.webhookDelivery.findUnique({ where: { id: delivery.id } })).toMatchObject({
      status: "failed",
      attempts: WEBHOOK_ATTEMPTS,
    });
    expect(await db.webhookEndpoint.findUnique({ where: { id: endpoint.id } })).toMatchObject({
      disabledAt: expect.any(Date),
      disabledReason: "Every delivery failed for more than 24 hours.",
    });
    const told = await db.event.findMany({ where: { organizationId: org.id, kind: "webhook.disabled" } });
    expect(told.map((event) => event.payload)).toEqual([
      expect.objectContaining({ details: { webhookId: endpoint.id } }),
    ]);
    const notes = await db.journalNote.findMany({ where: { organizationId: org.id } });
    expect(notes.map((note) => [note.action, note.sentence])).toEqual([
      ["webhook.disable", expect.stringContaining("The webhook to http://127.0.0.1:9/hook was disabled")],
    ]);
    // Nothing more is sent to it: a later delivery ends at once.
    const later = await db.webhookDelivery.create({
      data: { ...delivery, id: prefixedId("msg_"), attempts: 0, status: "pending", createdAt: new Date() },
    });
    await deliverWebhook.run({ deliveryId: later.id });
    expect((await db.webhookDelivery.findUnique({ where: { id: later.id } }))?.status).toBe("failed");
  });

  it("an endpoint that received something since the failed delivery was made stays enabled", async () => {
    const { endpoint, delivery } = await failingDelivery({
      attempts: WEBHOOK_ATTEMPTS - 1,
      lastSuccessAt: new Date(),
    });
    await deliverWebhook.run({ deliveryId: delivery.id });
    expect((await db.webhookDelivery.findUnique({ where: { id: delivery.id } }))?.status).toBe("failed");
    expect((await db.webhookEndpoint.findUnique({ where: { id: endpoint.id } }))?.disabledAt).toBeNull();
  });
});
