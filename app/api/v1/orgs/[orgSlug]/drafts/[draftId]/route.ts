import { discardDraft, getDraft, updateDraft } from "@/lib/server/drafts/drafts";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const GET = handle(contract.GET)(async ({ actor, params }) => ({
  status: 200,
  body: await getDraft({ actor, ...params }),
}));

export const PATCH = handle(contract.PATCH)(async ({ actor, params, body }) => ({
  status: 200,
  body: await updateDraft({ actor, ...params, ...body }),
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => ({
  status: 200,
  body: await discardDraft({ actor, ...params }),
}));
