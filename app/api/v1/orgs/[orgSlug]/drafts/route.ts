import { createDraft, listDrafts } from "@/lib/server/drafts/drafts";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: await listDrafts({ actor, ...params }),
}));

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 201,
  body: await createDraft({ actor, ...params, ...body }),
}));
