import { handle } from "@/lib/server/http/api-route";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { webhooks: await listWebhooks({ actor, orgSlug: params.orgSlug }) },
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: { webhook: await createWebhook({ actor, orgSlug: params.orgSlug, ...body }) },
}));
