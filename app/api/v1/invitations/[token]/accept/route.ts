import { handle } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/auth/rate-limit/client-address";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, request }) => ({
  status: 200,
  body: { organization: await acceptInvitation({ actor, token: params.token, ip: clientAddress(request.headers) }) },
}));
