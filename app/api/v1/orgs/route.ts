import { handle } from "@/lib/server/http/api-route";
import { createOrganization } from "@/lib/server/organizations/create-organization";
import { listOrganizations } from "@/lib/server/organizations/list-organizations";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor }) => ({
  status: 200,
  body: { organizations: await listOrganizations({ actor }) },
}));

export const POST = handle(contract.POST)(async ({ actor, body }) => ({
  status: 201,
  body: { organization: await createOrganization({ actor, ...body }) },
}));
