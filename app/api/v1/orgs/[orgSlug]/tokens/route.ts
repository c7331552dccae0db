import { handle } from "@/lib/server/http/api-route";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { tokens: await listApiTokens({ actor, orgSlug: params.orgSlug }) },
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: { token: await createApiToken({ actor, orgSlug: params.orgSlug, ...body }) },
}));
