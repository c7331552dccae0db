import { handle } from "@/lib/server/http/api-route";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import * as contract from "./contract";

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => {
  await revokeInvitation({ actor, ...params });
  return { status: 204 };
});
