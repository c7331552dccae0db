import { handle } from "@/lib/server/http/api-route";
import { getJournal } from "@/lib/server/journal/get-journal";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params, query }) => ({
  status: 200,
  body: await getJournal({ actor, orgSlug: params.orgSlug, query }),
}));
