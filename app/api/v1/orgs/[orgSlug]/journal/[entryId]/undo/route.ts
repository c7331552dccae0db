import { apiRoute, json } from "@/lib/server/http/api-route";
import { undoJournalGroup } from "@/lib/server/journal/undo";

type TParams = { orgSlug: string; entryId: string };

/** Undoes the action (journal group) that the entry belongs to; `entryId` may also be the group's id. */
export const POST = apiRoute<TParams>(async ({ actor, params }) => {
  const result = await undoJournalGroup({ actor, orgSlug: params.orgSlug, ref: params.entryId });
  if (!result.ok) {
    // The usual error body, plus the later changes that stand in the way.
    return json({ error: { code: "conflict", message: result.message }, conflicts: result.conflicts }, 409);
  }
  return json({ group: result.group });
});
