import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";
import { ZChangeMemberRole } from "@/lib/validation/accounts";

type TParams = { orgSlug: string; userId: string };

export const PATCH = apiRoute<TParams>(async ({ request, actor, params }) => {
  const { role } = await readJson(request, ZChangeMemberRole);
  return json({ member: await changeMemberRole({ actor, ...params, role }) });
});

export const DELETE = apiRoute<TParams>(async ({ actor, params }) => {
  await removeMember({ actor, ...params });
  return new Response(null, { status: 204 });
});
