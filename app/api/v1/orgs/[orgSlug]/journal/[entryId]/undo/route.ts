import { handle } from "@/lib/server/http/api-route";
import { undoJournalGroup } from "@/lib/server/journal/undo";
import * as contract from "./contract";

/** Undoes the action (journal group) that the entry belongs to; `entryId` may also be the group's id. */
export const POST = handle(contract.POST)(async ({ actor, params }) => {
  const result = await undoJournalGroup({ actor, orgSlug: params.orgSlug, ref: params.entryId });
  if (!result.ok) {
    // The usual error body, plus the later changes that stand in the way.
    return {
      status: 409,
      body: { error: { code: "conflict", message: result.message }, conflicts: result.conflicts },
    };
  }
  return { status: 200, body: { group: result.group } };
});
