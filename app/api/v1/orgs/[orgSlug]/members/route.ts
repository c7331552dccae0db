import { handle } from "@/lib/server/http/api-route";
import { listMembers } from "@/lib/server/members/list-members";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { members: await listMembers({ actor, orgSlug: params.orgSlug }) },
}));
