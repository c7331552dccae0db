import { apiRoute } from "@/lib/server/http/api-route";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";

export const DELETE = apiRoute<{ orgSlug: string; invitationId: string }>(async ({ actor, params }) => {
  await revokeInvitation({ actor, ...params });
  return new Response(null, { status: 204 });
});
