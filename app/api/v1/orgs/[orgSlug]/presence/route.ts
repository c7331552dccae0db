import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { announcePresence } from "@/lib/server/live/announce-presence";
import { ZPresence } from "@/lib/validation/presence";

export const POST = apiRoute<{ orgSlug: string }>(async ({ request, actor, params }) => {
  await announcePresence({ actor, orgSlug: params.orgSlug, ...(await readJson(request, ZPresence)) });
  return new Response(null, { status: 204 });
});
