import { submitDraft } from "@/lib/server/drafts/review-draft";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => ({
  status: 200,
  body: await submitDraft({ actor, ...params, reviewers: body.reviewers }),
}));
