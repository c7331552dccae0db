import { cancelDraftSchedule, scheduleDraft } from "@/lib/server/drafts/schedule-draft";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 200,
  body: await scheduleDraft({ actor, ...params, at: body.at }),
}));

export const DELETE = handle(contract.DELETE)(async ({ actor, params }) => ({
  status: 200,
  body: await cancelDraftSchedule({ actor, ...params }),
}));
