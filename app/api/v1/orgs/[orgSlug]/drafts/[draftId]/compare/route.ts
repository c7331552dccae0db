import { compareDraft } from "@/lib/server/drafts/drafts";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await compareDraft({ actor, ...params, withRef: query.with }),
}));
