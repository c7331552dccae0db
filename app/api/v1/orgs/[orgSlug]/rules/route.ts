import { handle } from "@/lib/server/http/api-route";
import { listRules } from "@/lib/server/map/list-rules";
import { updateRules } from "@/lib/server/map/update-rules";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: { rules: await listRules({ actor, orgSlug: params.orgSlug }) },
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, readBody }) => ({
  status: 200,
  body: { rules: await updateRules({ actor, orgSlug: params.orgSlug, body: await readBody() }) },
}));
