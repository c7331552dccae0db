// Webhook endpoints without WEBHOOK_ALLOW_PRIVATE (the suite's integration tests do not set it): private, loopback
// and link-local targets are refused, by address and after DNS resolution; bad input is refused with every problem.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkWebhookTarget, sendWebhook } from "@/lib/server/events/send-webhook";
import { callApi } from "@/lib/server/testing/map-world";
import { sessionCookie } from "@/lib/server/testing/http";
import { createOrganization, createUser } from "@/prisma/factories";

const WEBHOOKS = "/api/v1/orgs/[orgSlug]/webhooks";

async function ownerOfNewOrg() {
  const owner = await createUser(db, { name: "Wanda Webhook" });
  const org = await createOrganization(db, { name: "Hooked", members: [{ userId: owner.id, role: "OWNER" }] });
  return { org, as: { cookie: await sessionCookie(owner) } };
}

describe("webhook targets", () => {
  it.each([
    "http://127.0.0.1:8080/hook",
    "http://localhost/hook",
    "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.5/hook",
    "http://192.168.1.1/hook",
    "http://[fe80::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://0.0.0.0/hook",
  ])("refuses %s with 400, and registers nothing", async (url) => {
    const { org, as } = await ownerOfNewOrg();
    const answer = await callApi(`POST ${WEBHOOKS}`, {
      params: { orgSlug: org.slug },
      as,
      body: { url, events: ["flag.introduced"] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields?.url?.[0]).toMatch(/private, loopback or link-local/);
    expect(await db.webhookEndpoint.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("checks the addresses a name resolves to, and allows private ones only when told", async () => {
    expect(await checkWebhookTarget(new URL("http://localhost:1/"), false)).toMatchObject({ ok: false });
    expect(await checkWebhookTarget(new URL("http://localhost:1/"), true)).toMatchObject({ ok: true });
    expect(await checkWebhookTarget(new URL("https://93.184.215.14/"), false)).toMatchObject({ ok: true });
  });

  it("does not deliver to a private address either (the check is made again at delivery)", async () => {
    const sent = await sendWebhook({
      url: "http://127.0.0.1:9/hook",
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      messageId: "msg_test",
      body: {},
    });
    expect(sent).toMatchObject({ ok: false, status: null });
    expect(sent.excerpt).toMatch(/private, loopback or link-local/);
  });

  it("refuses bad input with every problem at once", async () => {
    const { org, as } = await ownerOfNewOrg();
    const answer = await callApi(`POST ${WEBHOOKS}`, {
      params: { orgSlug: org.slug },
      as,
      body: { url: "gopher://example.com", events: ["nope"], format: "xml" },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields ?? {}).sort()).toEqual(["events.0", "format", "url"]);
  });
});

describe("draft events", () => {
  it("a draft scheduled is an event, with a delivery queued to each endpoint that subscribes to it", async () => {
    const { org, as } = await ownerOfNewOrg();
    const listening = await db.webhookEndpoint.create({
      data: {
        id: `wh_listening_${org.id}`,
        organizationId: org.id,
        url: "http://127.0.0.1:9/hook",
        events: ["draft.scheduled"],
        format: "standard",
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        createdByName: "Test",
      },
    });
    await db.webhookEndpoint.create({
      data: { ...listening, id: `wh_deaf_${org.id}`, events: ["flag.introduced"] },
    });
    const made = await callApi<{ draft: { id: string } }>("POST /api/v1/orgs/[orgSlug]/drafts", {
      params: { orgSlug: org.slug },
      as,
      body: { name: "Later" },
    });
    expect(made.status).toBe(201);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await callApi("POST /api/v1/orgs/[orgSlug]/drafts/[draftId]/schedule", {
      params: { orgSlug: org.slug, draftId: made.body.draft.id },
      as,
      body: { at },
    });
    expect(scheduled.status).toBe(200);
    const events = await db.event.findMany({ where: { organizationId: org.id }, include: { deliveries: true } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: "draft.scheduled",
      payload: {
        organization: { id: org.id, key: org.slug },
        draft: { id: made.body.draft.id, name: "Later" },
        details: { at },
      },
    });
    expect(events[0]!.deliveries.map((delivery) => delivery.endpointId)).toEqual([listening.id]);
  });
});
