import { publishDraft } from "@/lib/server/drafts/drafts";
import { handle } from "@/lib/server/http/api-route";
import * as contract from "./contract";

export const POST = handle(contract.POST)(async ({ actor, params, body }) => {
  const result = await publishDraft({ actor, ...params, choices: body.choices });
  if (!result.ok) {
    // The usual error body, plus each conflict to choose a side for.
    return {
      status: 409,
      body: { error: { code: "conflict", message: result.message }, conflicts: result.conflicts },
    };
  }
  return { status: 200, body: { draft: result.draft, groupId: result.groupId } };
});
