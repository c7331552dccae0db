import { handle } from "@/lib/server/http/api-route";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";
import * as contract from "./contract";

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: { member: await changeMemberRole({ actor, ...params, role: body.role }) },
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => {
  await removeMember({ actor, ...params });
  return { status: 204 };
});
