import { handle } from "@/lib/server/http/api-route";
import { getSettings, updateSettings } from "@/lib/server/organizations/settings";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: await getSettings({ actor, orgSlug: params.orgSlug }),
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: await updateSettings({ actor, orgSlug: params.orgSlug, changes: body }),
}));
