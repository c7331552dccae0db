import { handle } from "@/lib/server/http/api-route";
import { previewRules } from "@/lib/server/map/preview-rules";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, readBody }) => ({
  status: 200,
  body: await previewRules({ actor, orgSlug: params.orgSlug, body: await readBody() }),
}));
