import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { requestOrigin } from "@/lib/server/http/request-origin";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { listInvitations } from "@/lib/server/invitations/list-invitations";
import { ZCreateInvitation } from "@/lib/validation/accounts";

type TParams = { orgSlug: string };

export const GET = apiRoute<TParams>(async ({ actor, params }) =>
  json({ invitations: await listInvitations({ actor, orgSlug: params.orgSlug }) }),
);

export const POST = apiRoute<TParams>(async ({ request, actor, params }) => {
  const input = await readJson(request, ZCreateInvitation);
  const invitation = await createInvitation({
    actor,
    orgSlug: params.orgSlug,
    origin: requestOrigin(request.headers),
    ...input,
  });
  return json({ invitation }, 201);
});
