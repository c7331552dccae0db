import { apiRoute, json, readJson } from "@/lib/server/http/api-route";
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { listOrganizations } from "@/lib/server/organizations/list-organizations";
import { ZCreateOrganization } from "@/lib/validation/accounts";

export const GET = apiRoute(async ({ actor }) => json({ organizations: await listOrganizations({ actor }) }));

export const POST = apiRoute(async ({ request, actor }) => {
  const organization = await createOrganization({ actor, ...(await readJson(request, ZCreateOrganization)) });
  return json({ organization }, 201);
});
