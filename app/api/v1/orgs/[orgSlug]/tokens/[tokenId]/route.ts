import { apiRoute } from "@/lib/server/http/api-route";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = apiRoute<{ orgSlug: string; tokenId: string }>(async ({ actor, params }) => {
  await revokeApiToken({ actor, ...params });
  return new Response(null, { status: 204 });
});
