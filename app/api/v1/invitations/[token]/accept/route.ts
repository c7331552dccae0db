import { apiRoute, json } from "@/lib/server/http/api-route";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";

export const POST = apiRoute<{ token: string }>(async ({ actor, params }) =>
  json({ organization: await acceptInvitation({ actor, token: params.token }) }),
);
