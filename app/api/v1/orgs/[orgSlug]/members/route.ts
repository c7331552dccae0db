import { apiRoute, json } from "@/lib/server/http/api-route";
import { listMembers } from "@/lib/server/members/list-members";

export const GET = apiRoute<{ orgSlug: string }>(async ({ actor, params }) =>
  json({ members: await listMembers({ actor, orgSlug: params.orgSlug }) }),
);
