import { handle } from "@/lib/server/http/api-route";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { listInvitations } from "@/lib/server/invitations/list-invitations";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { invitations: await listInvitations({ actor, orgSlug: params.orgSlug }) },
}));

export const POST = handle(contract.POST)(async ({ request, actor, params, body }) => ({
  status: 201,
  body: {
    invitation: await createInvitation({
      actor,
      orgSlug: params.orgSlug,
      origin: requestOrigin(request.headers),
      ...body,
    }),
  },
}));
