import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { ZCreateApiToken } from "@/lib/validation/accounts";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ tokens: await listApiTokens({ actor, orgSlug: params.orgSlug }) }),
);

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const token = await createApiToken({ actor, orgSlug: params.orgSlug, ...(await readJson(request, ZCreateApiToken)) });
  return json({ token }, 201);
});
