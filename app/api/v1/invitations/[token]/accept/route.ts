import { apiRoute, json } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

export const POST = apiRoute<{ token: string }>(async ({ actor, params, request }) =>
  json({
    organization: await acceptInvitation({ actor, token: params.token, ip: clientAddress(request.headers) }),
  }),
);
